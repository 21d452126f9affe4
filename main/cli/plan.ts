/**
 * `csm plan --contracts REGISTER --inventory FILE… --month YYYY-MM [--as-of DATE] [--json]`: the growth
 * plan of each contract and category (TERMS.md §11), from the same register reader, inventory parser and
 * shared/ forecast as the app.
 */
import { planDocument, type PlanContract } from '../../shared/reports/plan';
import { DEFAULT_PARTNER_SETTINGS } from '../../shared/terms/settings';
import { readRegisterAndInventories, type StatusInput } from './status';

export async function computePlan(input: StatusInput): Promise<PlanContract[]> {
  const { register, files, catalog } = await readRegisterAndInventories(input);
  return planDocument(
    input.month,
    register.contracts,
    files,
    catalog,
    DEFAULT_PARTNER_SETTINGS.acceptedAdjustmentRisk,
  );
}

const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;

export function humanPlan(month: string, contracts: readonly PlanContract[]): string {
  const lines = [
    `growth plan from ${month} (accepted adjustment risk ${DEFAULT_PARTNER_SETTINGS.acceptedAdjustmentRisk} %)`,
  ];
  for (const c of contracts) {
    lines.push(
      '',
      `${c.contractId} ${c.customer} (${c.currency}): next term from ${c.nextTermStart}`,
    );
    for (const k of c.categories) {
      const latest = k.history.at(-1);
      const head = `  ${k.category.padEnd(8)} latest ${latest ? `${latest.count} (${latest.month})` : 'none'}`;
      if (k.reason) {
        lines.push(`${head}: ${k.reason}`);
        continue;
      }
      const at = k.forecast?.find((f) => f.month === k.adjustmentMonth);
      const r = k.recommended;
      lines.push(
        `${head}, method ${k.method} (backtest MAE ${k.backtestMae} devices)` +
          (at
            ? `, ${k.adjustmentMonth}: ${at.central} (80 % ${at.lower80}–${at.upper80}, 95 % ${at.lower95}–${at.upper95})`
            : ''),
      );
      if (r)
        lines.push(
          `           expected additions ${k.expectedAdditions}; recommended growth ${r.growth}${r.growthPct === null ? '' : ` (${r.growthPct} %)`}: next ordered ${r.nextOrdered}, triggerAt ${r.triggerAt}, P(adjustment) ${pct(r.pAdjustment)}, up front ${r.upFront} ${c.currency}, expected mid-term ${r.expectedMidTerm} ${c.currency}`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}
