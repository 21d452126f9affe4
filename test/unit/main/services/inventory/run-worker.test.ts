// The import's worker running a Lens pull and its parse (the pull's memory goes when the worker ends).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../../../../support/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelTask,
  runInWorker,
  type WorkerJob,
  type WorkerPhase,
} from '../../../../../main/services/inventory/run-worker';
import { CancelledError, UnusableFileError } from '../../../../../main/services/inventory/errors';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../../support/fake-lens';

let dir = '';
let workerPath = '';
let lens: FakeLens;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csm-worker-'));
  workerPath = await bundleForNode('main/services/inventory/worker.ts', 'inventory.cjs');
  lens = await startFakeLens({
    tenants: [{ id: 't-1', name: 'Kvarnen & Co', devices: fakeDevices('t-1', 2_500) }],
  });
});

afterAll(async () => {
  await lens.close();
  await rm(dir, { recursive: true, force: true });
});

const lensJob = (tenantId: string): WorkerJob => ({
  kind: 'lens',
  access: {
    tokenUrl: lens.tokenUrl,
    apiUrl: lens.apiUrl,
    clientId: lens.clientId,
    clientSecret: lens.clientSecret,
  },
  tenantId,
  options: { locale: 'sv-SE', today: '2026-12-04' },
});

describe('a Lens pull in the import worker', () => {
  it('pulls page by page, then parses the pull as a file, and answers what it pulled', async () => {
    const phases: WorkerPhase[] = [];
    const { parsed, list, pulled } = await runInWorker(workerPath, 'w1', lensJob('t-1'), (p) => {
      if (phases.at(-1) !== p) phases.push(p);
    });
    expect(phases).toEqual(['pullLens', 'parseInventory']);
    expect(pulled?.devices).toBe(2_500);
    expect(pulled?.source).toMatchObject({
      kind: 'lens-api',
      tenantId: 't-1',
      tenant: 'Kvarnen & Co',
    });
    expect(parsed.file).toBe(pulled?.fileName);
    expect(parsed.rows).toBe(2_500);
    expect(parsed.devices).toEqual([]);
    expect(list.bytes.byteLength).toBeGreaterThan(0);
  });

  it("answers Lens's refusal as an unusable file, with Lens's reason", async () => {
    const failed = runInWorker(workerPath, 'w2', lensJob('no-such-tenant'), () => {});
    await expect(failed).rejects.toBeInstanceOf(UnusableFileError);
    await expect(failed).rejects.toThrow(/tenant "no-such-tenant" is unknown to Lens/);
  });

  it('stops a pull when the user cancels it', async () => {
    const running = runInWorker(workerPath, 'w3', lensJob('t-1'), (phase, done) => {
      if (phase === 'pullLens' && done >= 1_000) cancelTask('w3');
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });
});
