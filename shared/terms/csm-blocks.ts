/** CSM time in monthly blocks (TERMS.md §7). Minutes are the unit, so no hour fractions are rounded. */
export interface BlockLedger {
  allowedMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  overageMinutes: number;
}

export interface BlockLedgerInput {
  blocksPerMonth: number;
  blockHours: number;
  usedMinutes: number;
  /** Remaining minutes carried from the previous month, where the contract allows carry-over. */
  carriedMinutes?: number;
}

/** allowed = blocksPerMonth × blockHours (+ carried); used; remaining and overage. */
export function blockLedger({
  blocksPerMonth,
  blockHours,
  usedMinutes,
  carriedMinutes = 0,
}: BlockLedgerInput): BlockLedger {
  const allowedMinutes = Math.round(blocksPerMonth * blockHours * 60) + carriedMinutes;
  return {
    allowedMinutes,
    usedMinutes,
    remainingMinutes: Math.max(0, allowedMinutes - usedMinutes),
    overageMinutes: Math.max(0, usedMinutes - allowedMinutes),
  };
}

/**
 * Ledgers for consecutive months. With carry-over, each month's remaining minutes add to the next
 * month's allowance; without it every month starts fresh.
 */
export function blockLedgers(
  usedMinutesPerMonth: readonly number[],
  blocksPerMonth: number,
  blockHours: number,
  carryOver: boolean,
): BlockLedger[] {
  const ledgers: BlockLedger[] = [];
  for (const usedMinutes of usedMinutesPerMonth) {
    const carriedMinutes = carryOver ? (ledgers.at(-1)?.remainingMinutes ?? 0) : 0;
    ledgers.push(blockLedger({ blocksPerMonth, blockHours, usedMinutes, carriedMinutes }));
  }
  return ledgers;
}
