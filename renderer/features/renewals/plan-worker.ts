/**
 * The growth plans of many contracts, read and forecast in one worker (plan.worker.ts) so the screen
 * stays responsive: a portfolio's histories are thousands of snapshots and its categories hundreds of
 * backtested series. One worker serves the session.
 */
import { useEffect, useState } from 'react';
import type { CategoryPlan } from '../../../shared/forecast/category-plan';
import type { Category } from '../../../shared/model/category';
import type { PlanCategory, PlanContractTerms } from '../../../shared/reports/plan';
import type { CalendarMonth } from '../../../shared/terms/dates';

export interface ContractPlanInput {
  contractId: string;
  contract: PlanContractTerms & { customerId: string };
}

export interface ContractCategoryPlan {
  category: Category;
  history: PlanCategory['history'];
  /** Priced at this term's unit prices; repricedPlan applies a proposal's. */
  plan: CategoryPlan;
}

export interface PlanRequest {
  id: number;
  /** The histories end with this month (TERMS.md §10). */
  month: CalendarMonth;
  contracts: ContractPlanInput[];
  acceptedAdjustmentRisk: number;
}

export interface PlanAnswer {
  id: number;
  /** The worker's own time for the forecasts, in ms. */
  ms: number;
  plans: { contractId: string; categories: ContractCategoryPlan[] }[];
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (answer: PlanAnswer) => void>();

function planWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<PlanAnswer>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  // A forecast that throws is a bug: it is reported, and the planner stays empty rather than wrong.
  worker.onerror = (event) => console.error('growth plan worker:', event.message);
  return worker;
}

/** Each contract's category plans, by contract id. */
export function planContracts(
  contracts: ContractPlanInput[],
  month: CalendarMonth,
  acceptedAdjustmentRisk: number,
): Promise<Map<string, ContractCategoryPlan[]>> {
  const id = nextId++;
  const started = performance.now();
  return new Promise((resolve) => {
    waiting.set(id, (answer) => {
      // `npm run bench` reads this measure: the worker's round trip for every category.
      performance.measure('growth plans: round trip', { start: started });
      performance.measure('growth plans: worker', { start: started, duration: answer.ms });
      resolve(new Map(answer.plans.map((p) => [p.contractId, p.categories])));
    });
    planWorker().postMessage({
      id,
      month,
      contracts,
      acceptedAdjustmentRisk,
    } satisfies PlanRequest);
  });
}

/**
 * The plans of `contracts` from their histories to `month`, once the worker has them; undefined while it
 * works. `contracts` comes from a live query: new data (an import, a contract edit) plans again.
 */
export function useContractPlans(
  contracts: ContractPlanInput[] | undefined,
  month: CalendarMonth,
  acceptedAdjustmentRisk: number,
): Map<string, ContractCategoryPlan[]> | undefined {
  const [plans, setPlans] = useState<{ plans: Map<string, ContractCategoryPlan[]> }>();
  useEffect(() => {
    if (!contracts) return;
    let isCurrent = true;
    void planContracts(contracts, month, acceptedAdjustmentRisk).then((result) => {
      if (isCurrent) setPlans({ plans: result });
    });
    return () => {
      isCurrent = false;
    };
  }, [contracts, month, acceptedAdjustmentRisk]);
  // The last plans stay on screen while the worker forecasts newer data.
  return plans?.plans;
}
