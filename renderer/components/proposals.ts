/**
 * The renewal proposals of this session: each contract's what-if edits (price uplift, next growth, next
 * price). Renewals and the contract tab's growth planner both edit them; nothing here is a contract
 * until the renewal is accepted (renderer/db/contracts.ts acceptRenewal), which clears the proposal.
 */
import { useSyncExternalStore } from 'react';
import type { Category } from '../../shared/model/category';
import type { RenewalWhatIf } from '../../shared/reports/renewals';

let proposals: ReadonlyMap<string, RenewalWhatIf> = new Map();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every contract's proposal edits, by contract id. */
export function useProposals(): ReadonlyMap<string, RenewalWhatIf> {
  return useSyncExternalStore(subscribe, () => proposals);
}

/** Replaces a contract's proposal edits; null drops them (the defaults again). */
export function setProposal(contractId: string, whatIf: RenewalWhatIf | null): void {
  const next = new Map(proposals);
  if (whatIf) next.set(contractId, whatIf);
  else next.delete(contractId);
  proposals = next;
  listeners.forEach((listener) => listener());
}

/** Sets one category's next agreed growth in a contract's proposal, keeping its other edits. */
export function proposeGrowth(contractId: string, category: Category, growth: number): void {
  const current = proposals.get(contractId) ?? {};
  setProposal(contractId, {
    ...current,
    nextAgreedGrowth: { ...current.nextAgreedGrowth, [category]: growth },
  });
}
