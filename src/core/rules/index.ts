// The rule catalogue: every check chitieu makes on indicator sheets, as data. `chitieu rules`
// and the task pane list them from here.

import { INDICATOR_KINDS, type Catalogue, type IndicatorKind } from "../model/catalogue";
import type { Finding } from "../model/findings";
import type { Indicator, WorkbookReading } from "../model/indicator";
import { thresholdsFor, type RuleConfig } from "./config";
import type { RuleContext, Rule } from "./context";
import {
  notANumber,
  growthOutlier,
  missingUnit,
  missingValue,
  planOutlier,
  ratePoints,
  ratePlanPercent,
  rateRange,
  statedEvaluation,
  statedPercent,
  unitMismatch,
  unitScale,
} from "./figures";
import { copiedComponents, countFraction, seriesBaseYear, seriesGrowth, seriesScale, statedIndex } from "./series";
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
  seriesScale,
  seriesGrowth,
  seriesBaseYear,
  statedIndex,
  countFraction,
  copiedComponents,
  missingUnit,
  ratePoints,
  unitMismatch,
];

/** The context the rules run in: the indicator sheets read, the configuration and the catalogue. */
export function ruleContext(reading: WorkbookReading, config: RuleConfig, catalogue: Catalogue): RuleContext {
  const entries = new Map(catalogue.entries.map((e) => [e.id, e] as const));
  const entry = (id: string | null) => (id === null ? null : (entries.get(id) ?? null));
  // Thresholds are worked out once per indicator when the user overrides some, else once per
  // catalogue entry and measure: they depend on nothing else.
  type Limits = ReturnType<typeof thresholdsFor>;
  const byIndicator = new Map<Indicator, Limits>();
  const byKind = new Map<string, Map<string, Limits>>();
  const overridden = Object.keys(config.byIndicator).length > 0;
  const thresholds = (i: Indicator): Limits => {
    if (overridden) {
      let t = byIndicator.get(i);
      if (!t) byIndicator.set(i, (t = thresholdsFor(config, i, entry(i.catalogueId))));
      return t;
    }
    let byMeasure = byKind.get(i.catalogueId ?? "");
    if (!byMeasure) byKind.set(i.catalogueId ?? "", (byMeasure = new Map()));
    const key = i.measure ?? i.kind;
    let t = byMeasure.get(key);
    if (!t) byMeasure.set(key, (t = thresholdsFor(config, i, entry(i.catalogueId))));
    return t;
  };
  return { reportYear: reading.reportYear, sheets: reading.tables, config, entry, thresholds };
}

/** Runs every rule that is not switched off: the one-indicator rules together in one pass. */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const active = RULES.filter((r) => !ctx.config.disabled.includes(r.id));
  // The one-indicator checks that can find something in each kind of indicator, worked out once.
  const eachByKind = new Map<IndicatorKind, Array<NonNullable<Rule["each"]>>>();
  for (const kind of INDICATOR_KINDS)
    eachByKind.set(
      kind,
      active.filter((r) => r.each !== undefined && (!r.kinds || r.kinds.includes(kind))).map((r) => r.each as NonNullable<Rule["each"]>),
    );
  for (let s = 0; s < ctx.sheets.length; s++) {
    const sheet = ctx.sheets[s];
    for (let i = 0; i < sheet.indicators.length; i++) {
      const indicator = sheet.indicators[i];
      const each = eachByKind.get(indicator.kind) ?? [];
      for (let r = 0; r < each.length; r++) {
        const found = each[r](indicator, sheet, ctx);
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
