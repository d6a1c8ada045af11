// The rule catalogue: every check chitieu makes on indicator sheets, as data. `chitieu rules`
// and the task pane list them from here.

import type { Finding } from "../findings";
import type { RuleContext, Rule } from "./context";
import { notANumber, growthOutlier, missingValue, planOutlier, ratePlanPercent, rateRange, statedEvaluation, statedPercent, unitScale } from "./figures";
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

/** Runs every rule that is not switched off. */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    if (ctx.config.disabled.includes(rule.id)) continue;
    for (const f of rule.check(ctx)) out.push(f);
  }
  return out;
}

export type { Rule, RuleContext, SheetContext } from "./context";
export { comparisonYearIssues } from "./years";
export * from "./config";
