import { describe, expect, it } from 'vitest';
import {
  SHIPPED_CATALOG_ENTRIES,
  modelWords,
  shippedCatalog,
  type CatalogEntry,
} from '../../../../shared/catalog';
import shipped from '../../../../shared/catalog/catalog.json';
import { catalogFileSchema } from '../../../../shared/catalog/schema';

const asOf = '2026-11-01';
const catalog = shippedCatalog();

describe('the shipped catalog', () => {
  it('has the shape every catalog entry must have', () => {
    expect(() => catalogFileSchema.parse(shipped)).not.toThrow();
  });

  it('holds at least 60 models, each with a verified flag and a source', () => {
    expect(SHIPPED_CATALOG_ENTRIES.length).toBeGreaterThanOrEqual(60);
    for (const entry of SHIPPED_CATALOG_ENTRIES) {
      expect(typeof entry.verified).toBe('boolean');
      expect(entry.source.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['Poly Voyager Focus 2 UC', 'headsets'],
    ['Poly Voyager 8200 UC', 'headsets'],
    ['Poly Voyager Free 60 UC', 'headsets'],
    ['Poly Blackwire 3320', 'headsets'],
    ['Plantronics Blackwire C3220', 'eol'],
    ['Poly Savi 8220', 'headsets'],
    ['Plantronics Savi W745', 'eol'],
    ['Poly EncorePro 320', 'headsets'],
    ['Poly Sync 20', 'headsets'],
    ['Poly Calisto 5300', 'headsets'],
    ['Poly Studio P5', 'headsets'],
    ['Poly Studio P15', 'headsets'],
    ['Poly Studio P21', 'headsets'],
    ['Poly Studio X30', 'video'],
    ['Poly Studio X32', 'video'],
    ['Poly Studio X50', 'video'],
    ['Poly Studio X52', 'video'],
    ['Poly Studio X70', 'video'],
    ['Poly Studio X72', 'video'],
    ['Poly G7500', 'video'],
    ['Poly Studio', 'video'],
    ['Poly Studio USB', 'video'],
    ['Poly Studio R30', 'video'],
    ['Poly Studio E70', 'video'],
    ['Poly EagleEye Cube USB', 'video'],
    ['Poly EagleEye Mini', 'video'],
    ['Poly TC8', 'video'],
    ['Poly TC10', 'video'],
    ['Poly CCX 350', 'voice'],
    ['Poly CCX 400', 'voice'],
    ['Poly CCX 500', 'voice'],
    ['Poly CCX 505', 'voice'],
    ['Poly CCX 600', 'voice'],
    ['Poly CCX 700', 'voice'],
    ['Poly Edge E400', 'voice'],
    ['Poly Edge E550', 'voice'],
    ['Poly Edge B30', 'voice'],
    ['Poly VVX 150', 'voice'],
    ['Poly VVX 250', 'voice'],
    ['Poly VVX 350', 'voice'],
    ['Poly VVX 450', 'voice'],
    ['Polycom VVX 300', 'eol'],
    ['Polycom VVX 310', 'eol'],
    ['Polycom VVX 400', 'eol'],
    ['Polycom VVX 410', 'eol'],
    ['Polycom VVX 500', 'eol'],
    ['Polycom VVX 600', 'eol'],
    ['Polycom VVX 1500', 'eol'],
    ['Poly Trio C60', 'voice'],
    ['Poly Trio 8300', 'voice'],
    ['Poly Trio 8500', 'voice'],
    ['Poly Trio 8800', 'voice'],
    ['Poly Rove 30', 'voice'],
    ['Poly Rove B4', 'voice'],
    ['Polycom SoundStation IP 6000', 'eol'],
    ['Polycom SoundPoint IP 550', 'eol'],
    ['Polycom RealPresence Group 500', 'eol'],
    ['Polycom HDX 8000', 'eol'],
    ['Polycom OTX 300', 'quote'],
    ['Polycom RPX 200', 'quote'],
    ['Polycom TPX HD 306M', 'quote'],
    ['Polycom ITP', 'quote'],
    ['Poly Immersive Studio', 'quote'],
    ['Poly Medialign', 'quote'],
    ['RealPresence Telehealth Station', 'quote'],
    ['Polycom EduCart', 'quote'],
    ['Polycom RMX 2000', 'quote'],
    ['RealPresence Collaboration Server 1800', 'quote'],
    ['Polycom RealPresence DMA 7000', 'quote'],
    ['Poly Clariti Manager', 'quote'],
    ['RealPresence Resource Manager', 'quote'],
    ['Lens Desktop', 'software'],
    ['Poly Lens Mobile', 'software'],
    ['Desktop App', 'software'],
    ['Poly Mystery 9', 'unknown'],
  ])('%s → %s', (model, expected) => {
    expect(catalog.classify(model, asOf)).toBe(expected);
  });

  it('ignores case, spacing and brand prefixes', () => {
    for (const model of [
      'POLY STUDIO X50',
      '  studio   x50 ',
      'HP Poly Studio X50',
      'Polycom studio-x50',
      'StudioX50',
    ]) {
      expect(catalog.lookup(model)?.pattern).toBe('Studio X50');
    }
  });

  it('prefers the longest matching pattern and does not match word prefixes', () => {
    expect(catalog.lookup('Poly VVX 1500')?.pattern).toBe('VVX 1500');
    expect(catalog.lookup('Poly VVX 150')?.pattern).toBe('VVX 150');
    expect(catalog.lookup('Poly VVX 1505')?.pattern).toBe('VVX');
    expect(catalog.lookup('Poly Voyager Focus 2 UC')?.pattern).toBe('Voyager Focus 2');
    expect(catalog.lookup('Plantronics Voyager Focus UC B825')?.pattern).toBe('Voyager Focus');
  });

  it('decides end-of-life by the end-of-service date against the as-of date', () => {
    expect(catalog.classify('Poly Trio 8800', '2028-06-30')).toBe('voice');
    expect(catalog.classify('Poly Trio 8800', '2028-07-01')).toBe('eol');
  });

  it('lets the user’s overrides win over the shipped catalog', () => {
    const overrides: CatalogEntry[] = [
      { pattern: 'Mystery 9', class: 'video', verified: true, source: 'classified by the CSM' },
      {
        pattern: 'VVX 310',
        class: 'voice',
        endOfService: '2030-01-01',
        verified: true,
        source: 'extended support',
      },
    ];
    const custom = shippedCatalog(overrides);
    expect(custom.classify('Poly Mystery 9', asOf)).toBe('video');
    expect(custom.classify('Polycom VVX 310', asOf)).toBe('voice');
  });

  it('splits model names into comparable words', () => {
    expect(modelWords('HP Poly Studio X50-M')).toEqual(['studio', 'x', '50', 'm']);
    expect(modelWords('Poly')).toEqual(['poly']);
  });
});
