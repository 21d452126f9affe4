/**
 * Reads the month-end histories and forecasts every category of many contracts off the UI thread
 * (TERMS.md §11, shared/reports/plan): the snapshots are read here, from IndexedDB, so neither their
 * reading nor the forecasts cost the screen a frame. This worker only reads.
 */
import { contractCategoryPlans } from '../../../shared/reports/plan';
import { monthEndHistories } from '../../db/snapshots';
import { WorkstationDatabase } from '../../db/database';
import type { PlanRequest, PlanAnswer } from './plan-worker';

const db = new WorkstationDatabase();

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { id, month, contracts, acceptedAdjustmentRisk } = event.data;
  const started = performance.now();
  void monthEndHistories(
    db,
    contracts.map((c) => c.contract.customerId),
    month,
  ).then((histories) => {
    const plans = contracts.map((c) => ({
      contractId: c.contractId,
      categories: contractCategoryPlans(
        c.contract,
        histories.get(c.contract.customerId) ?? [],
        acceptedAdjustmentRisk,
      ),
    }));
    self.postMessage({ id, ms: performance.now() - started, plans } satisfies PlanAnswer);
  });
};
