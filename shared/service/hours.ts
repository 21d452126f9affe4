/** A month's CSM block ledger for a contract (TERMS.md §7), with carry-over within the term when it allows. */
import type { Contract } from '../model/entities';
import { blockLedger, blockLedgers, type BlockLedger } from '../terms/csm-blocks';
import { addMonthsToMonth, monthOf, monthRange, type CalendarMonth } from '../terms/dates';

/** Minutes logged per month, keyed YYYY-MM. */
export type MinutesByMonth = Readonly<Record<CalendarMonth, number>>;

/** How far back carry-over is followed: a term is at most this long in practice. */
const MAX_CARRY_MONTHS = 36;

export function monthLedger(
  contract: Pick<Contract, 'settings' | 'termStart'>,
  usedByMonth: MinutesByMonth,
  month: CalendarMonth,
): BlockLedger {
  const { blocksPerMonth, blockHours, carryOverHours } = contract.settings;
  const start = monthOf(contract.termStart);
  if (!carryOverHours || start > month)
    return blockLedger({ blocksPerMonth, blockHours, usedMinutes: usedByMonth[month] ?? 0 });
  const earliest = addMonthsToMonth(month, -(MAX_CARRY_MONTHS - 1));
  const months = monthRange(start > earliest ? start : earliest, month);
  const ledgers = blockLedgers(
    months.map((m) => usedByMonth[m] ?? 0),
    blocksPerMonth,
    blockHours,
    true,
  );
  return ledgers.at(-1) ?? blockLedger({ blocksPerMonth, blockHours, usedMinutes: 0 });
}

/** Minutes per month of a list of entries. */
export function minutesByMonth(
  entries: readonly { date: string; minutes: number }[],
): Record<CalendarMonth, number> {
  const result: Record<CalendarMonth, number> = {};
  for (const e of entries)
    result[e.date.slice(0, 7)] = (result[e.date.slice(0, 7)] ?? 0) + e.minutes;
  return result;
}
