// The rules: a registry of records (registry.ts), each with its options and messages as data
// (record.ts, message.ts), one configuration checked by a schema derived from them (config.ts,
// schema.ts), and the run of the sheet rules over a workbook's indicators. `chitieu rules`, the
// help page and the task pane list them from here.

import { INDICATOR_KINDS, type Catalogue, type IndicatorKind } from "../model/catalogue";
import type { Finding } from "../model/findings";
import type { Indicator, WorkbookReading } from "../model/indicator";
import { applyRuleConfig, isDisabled, optionsFor, type OptionValues, type RuleConfig } from "./config";
import type { RuleContext, Rule } from "./context";
import { DEFAULT_OPTIONS, SHEET_RULES } from "./registry";

/** A configuration built by hand may leave options out: they keep their defaults. */
export function withDefaultOptions(config: RuleConfig): RuleConfig {
  return { ...config, defaults: { ...DEFAULT_OPTIONS, ...config.defaults } };
}

/** The context the rules run in: the indicator sheets read, the configuration and the catalogue. */
export function ruleContext(reading: WorkbookReading, config: RuleConfig, catalogue: Catalogue): RuleContext {
  const entries = new Map(catalogue.entries.map((e) => [e.id, e] as const));
  const entry = (id: string | null) => (id === null ? null : (entries.get(id) ?? null));
  const complete = withDefaultOptions(config);
  // Option values are worked out once per indicator when the user overrides some per indicator;
  // otherwise every indicator has the defaults.
  const byIndicator = new Map<Indicator, OptionValues>();
  const overridden = Object.keys(complete.byIndicator).length > 0;
  const options = (i: Indicator): OptionValues => {
    if (!overridden) return complete.defaults;
    let o = byIndicator.get(i);
    if (!o) byIndicator.set(i, (o = optionsFor(complete, i)));
    return o;
  };
  return {
    reportYear: reading.reportYear,
    sheets: reading.tables,
    config: complete,
    entry,
    options,
    option: (i, _rule, key) => options(i)[key] as never,
  };
}

/**
 * Runs every sheet rule that is not switched off, the one-indicator rules together in one pass;
 * a severity set in the configuration replaces the one each finding was given.
 */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const active = SHEET_RULES.filter((r) => !isDisabled(ctx.config, r.id));
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
  return ctx.config.severity ? applyRuleConfig(ctx.config, out) : out;
}

export type { Rule, RuleContext, SheetContext, FindingAt } from "./context";
export { report, toFinding, sheetRule, indicatorRule } from "./context";
export { comparisonYearIssues, type YearIssue } from "./years";
export * from "./config";
export * from "./record";
export * from "./message";
export * from "./registry";
export * from "./schema";
export { LABELS, changeLabel, figureLabel, numberLabel, yearLabel, type FigureLabel } from "./labels";
