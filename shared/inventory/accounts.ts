/** Which customer a Lens account's devices belong to: matched by account name or ID (FORMATS.md §2–3). */
import { nameKey } from '../model/name-key';

/** One key for a Lens account: its name and its ID together (either may be empty). */
export const accountKey = (a: { account: string; accountId: string }): string =>
  `${a.account}\u0000${a.accountId}`;

/** What a Lens account is matched against: a customer's name and Lens accounts (model/entities). */
export interface LensMatchable {
  name: string;
  lensAccounts: readonly string[];
  isArchived: boolean;
}

/** The customer whose Lens accounts (or name) match the account's name or ID; null when none does. */
export function matchCustomer<C extends LensMatchable>(
  account: string,
  accountId: string,
  customers: readonly C[],
): C | null {
  const wanted = [account, accountId].map(nameKey).filter(Boolean);
  if (wanted.length === 0) return null;
  const active = customers.filter((c) => !c.isArchived);
  return (
    active.find((c) => c.lensAccounts.some((a) => wanted.includes(nameKey(a)))) ??
    active.find((c) => wanted.includes(nameKey(c.name))) ??
    null
  );
}
