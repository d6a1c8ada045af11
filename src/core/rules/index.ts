// The rule catalogue: every check chitieu makes on indicator sheets, as data. `chitieu rules`
// and the task pane list them from here.

import type { Finding } from "../findings";
import type { RuleContext, Rule } from "./context";
import {
  notANumber,
  growthOutlier,
  missingValue,
  planOutlier,
  ratePlanPercent,
  rateRange,
  statedEvaluation,
  statedPercent,
  unitScale,
} from "./figures";
import { componentTotal, cumulativeDecrease, shareTotal } from "./structure";
import { baseYear } from "./years";

export const RULES: readonly Rule[] = [
  baseYear,
  statedPercent,
  ratePlanPercent,
  statedEvaluation,
  componentTotal,
  shareTotal,
  rateRange,
  notANumber,
  unitScale,
  growthOutlier,
  planOutlier,
  cumulativeDecrease,
  missingValue,
];

/** Runs every rule that is not switched off: the one-indicator rules together in one pass. */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const active = RULES.filter((r) => !ctx.config.disabled.includes(r.id));
  const each = active.filter((r) => r.each !== undefined);
  for (let s = 0; s < ctx.sheets.length; s++) {
    const sheet = ctx.sheets[s];
    for (let i = 0; i < sheet.indicators.length; i++) {
      for (let r = 0; r < each.length; r++) {
        const found = (each[r].each as NonNullable<Rule["each"]>)(sheet.indicators[i], sheet, ctx);
        for (let f = 0; f < found.length; f++) out.push(found[f]);
      }
    }
  }
  for (const rule of active) {
    if (rule.each !== undefined) continue;
    for (const f of rule.check(ctx)) out.push(f);
  }
  return out;
}

export type { Rule, RuleContext, SheetContext } from "./context";
export { comparisonYearIssues } from "./years";
export * from "./config";
