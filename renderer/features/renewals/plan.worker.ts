/** Forecasts every category of many contracts off the UI thread (TERMS.md §11, shared/reports/plan). */
import { contractCategoryPlans } from '../../../shared/reports/plan';
import type { PlanRequest, PlanAnswer } from './plan-worker';

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { id, contracts, acceptedAdjustmentRisk } = event.data;
  const started = performance.now();
  const plans = contracts.map((c) => ({
    contractId: c.contractId,
    categories: contractCategoryPlans(c.contract, c.counts, acceptedAdjustmentRisk),
  }));
  self.postMessage({ id, ms: performance.now() - started, plans } satisfies PlanAnswer);
};
