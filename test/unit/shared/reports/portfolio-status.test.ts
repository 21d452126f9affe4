import { describe, expect, it } from 'vitest';
import { STATUS_RANK, worstStatus } from '../../../../shared/reports/portfolio';
import type { DashboardStatus } from '../../../../shared/terms/baseline';

const row = (...statuses: (DashboardStatus | null)[]) => ({
  categories: statuses.map((status) => ({ status })),
});

describe("a portfolio row's worst status", () => {
  it('ranks a true-up due first, then approaching, within, under', () => {
    const order = (Object.keys(STATUS_RANK) as DashboardStatus[]).sort(
      (a, b) => STATUS_RANK[a] - STATUS_RANK[b],
    );
    expect(order).toEqual(['trueUpDue', 'approaching', 'within', 'under']);
  });

  it('is the category status that needs the most action, whatever the order of categories', () => {
    expect(worstStatus(row('under', 'within', null))).toBe('within');
    expect(worstStatus(row('within', 'approaching', 'under'))).toBe('approaching');
    expect(worstStatus(row('under', 'trueUpDue', 'approaching'))).toBe('trueUpDue');
    expect(worstStatus(row('under'))).toBe('under');
  });

  it('is null when no category has a status', () => {
    expect(worstStatus(row(null, null))).toBeNull();
    expect(worstStatus(row())).toBeNull();
  });
});
