import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { migration0001 } from '../../../../../renderer/db/migrations/0001-initial';
import { migration0002 } from '../../../../../renderer/db/migrations/0002-service-records';

describe('migration 0002: service records', () => {
  it('turns a case’s escalation level into escalations and an incident into its full shape', async () => {
    const name = `m2-${Math.random()}`;
    const v1 = new WorkstationDatabase(name, [migration0001]);
    await v1.open();
    await v1.table('cases').bulkAdd([
      {
        id: 'c1',
        customerId: 'x',
        siteId: 'S-1',
        title: 'Echo',
        priority: 'P3',
        openedAt: '2026-05-04T09:00:00Z',
        resolvedAt: null,
        polyCaseNumber: '1',
        escalationLevel: 2,
        status: 'open',
      },
      {
        id: 'c2',
        customerId: 'x',
        siteId: 'S-2',
        title: 'Drops',
        priority: 'P2',
        openedAt: '2026-05-05T09:00:00Z',
        resolvedAt: null,
        polyCaseNumber: '2',
        escalationLevel: 0,
        status: 'open',
      },
    ]);
    await v1.table('ecpsIncidents').add({
      id: 'i1',
      customerId: 'x',
      cloudPartner: 'Microsoft Teams',
      trackingNumber: 'MS-77',
      status: 'Waiting for Microsoft',
      openedAt: '2026-05-06T10:00:00Z',
    });
    v1.close();

    const v2 = new WorkstationDatabase(name, [migration0001, migration0002]);
    await v2.open();
    expect(v2.verno).toBe(2);
    const cases = await v2.cases.where('openedAt').above('2026-05-01').toArray();
    expect(cases.map((c) => [c.id, c.escalations])).toEqual([
      [
        'c1',
        [
          { level: 1, engaged: '', at: '2026-05-04T09:00:00Z' },
          { level: 2, engaged: '', at: '2026-05-04T09:00:00Z' },
        ],
      ],
      ['c2', []],
    ]);
    expect(cases[0]).not.toHaveProperty('escalationLevel');
    expect(await v2.ecpsIncidents.get('i1')).toEqual({
      id: 'i1',
      customerId: 'x',
      cloudPartner: 'teams',
      trackingNumber: 'MS-77',
      title: '',
      status: 'open',
      openedAt: '2026-05-06T10:00:00Z',
      resolvedAt: null,
      updates: [{ at: '2026-05-06T10:00:00Z', text: 'Waiting for Microsoft', user: '' }],
      jointCalls: [],
      rooms: [],
      devices: [],
      override: null,
    });
    v2.close();
  });
});
