// What a rule sees: the workbook's indicator sheets as read, with their columns and raw cells,
// the report year, the thresholds and the catalogue. Rules are pure functions of this context.

import type { CatalogueEntry, IndicatorKind } from "../model/catalogue";
import type { Finding, Severity } from "../model/findings";
import { formatCompact, parseNumberText } from "../model/numbers";
import { parseAddress, type CellValue, type SheetSnapshot } from "../model/snapshot";
import type { RuleConfig, Thresholds } from "./config";
import type { Indicator, IndicatorSheet } from "../model/indicator";

/** An indicator sheet with what the rules need of it. */
export type SheetContext = IndicatorSheet;

export interface RuleContext {
  reportYear: number | null;
  sheets: SheetContext[];
  config: RuleConfig;
  entry(id: string | null): CatalogueEntry | null;
  thresholds(indicator: Indicator): Thresholds;
}

/** A rule: a named, documented check with its default severity; one small pure function. */
export interface Rule {
  id: string;
  severity: Severity;
  name: string;
  nameEn: string;
  description: string;
  check(ctx: RuleContext): Finding[];
  /** For a rule that looks at one indicator at a time: the check of one, so that every such rule runs in one pass. */
  each?(indicator: Indicator, sheet: SheetContext, ctx: RuleContext): readonly Finding[];
  /** The kinds of indicator `each` can find anything in; absent: every kind. */
  kinds?: readonly IndicatorKind[];
}

/** A rule on one indicator at a time; `check` runs it over the workbook on its own. */
export function indicatorRule(
  definition: Omit<Rule, "check" | "each"> & { each(indicator: Indicator, sheet: SheetContext, ctx: RuleContext): readonly Finding[] },
): Rule {
  return { ...definition, check: (ctx) => eachIndicator(ctx, (i, s) => definition.each(i, s, ctx)) };
}

export function valueAt(sheet: SheetSnapshot, a1: string | null): CellValue | undefined {
  if (!a1) return undefined;
  const at = parseAddress(a1);
  return at ? sheet.values[at.row]?.[at.col] : undefined;
}

/**
 * Decimals a cell shows: from its number format ("0.0" → 1, "0.00%" → 2), else from the text
 * typed, else from the stored number (at most 4).
 */
export function decimalsShown(sheet: SheetSnapshot, a1: string | null): number {
  const at = a1 ? parseAddress(a1) : null;
  return at ? decimalsAt(sheet, at.row, at.col) : 0;
}

/** Decimals a number format shows: "0.0" → 1, "#,##0.00;[Red]-#,##0.00" → 2, '0" tỷ"' → 0. */
export function formatDecimals(format: string): number {
  const m = /\.([0#]+)/.exec(format.split(";")[0].replace(/"[^"]*"/g, ""));
  return m ? m[1].length : 0;
}

/** decimalsShown by 0-based row and column. */
export function decimalsAt(sheet: SheetSnapshot, row: number, col: number): number {
  const value = sheet.values[row]?.[col];
  const format = sheet.numberFormats?.[row]?.[col];
  if (typeof value === "number" && format && format !== "General") return formatDecimals(format);
  if (typeof value === "string") return parseNumberText(value)?.decimals ?? 0;
  if (typeof value === "number") {
    // As Excel's General format shows it: the shortest form of the number, at most 4 decimals here.
    const text = String(value);
    const point = text.indexOf(".");
    return point < 0 || text.includes("e") ? 0 : Math.min(4, text.length - point - 1);
  }
  return 0;
}

/** Half a unit of the last decimal shown, plus a hundredth of slack (V01). */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 0.01;
}

/** A number as a Vietnamese reader expects it, with up to `max` decimals. */
export const vi = (value: number, max = 2): string => formatCompact(value, max);

export function finding(
  rule: Rule | string,
  severity: Severity,
  sheet: string,
  cell: string,
  message: string,
  messageEn: string,
  figures: { expected?: number | null; actual?: number | null; imbalance?: number | null } = {},
): Finding {
  return { rule: typeof rule === "string" ? rule : rule.id, severity, sheet, cell, message, messageEn, ...figures };
}

/** The shared empty result: most indicators raise nothing, and nothing need be allocated for them. */
export const NONE: readonly Finding[] = Object.freeze([]);

/** Every indicator with its sheet, for rules that look at one indicator at a time. */
export function eachIndicator(ctx: RuleContext, fn: (indicator: Indicator, sheet: SheetContext) => readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (let s = 0; s < ctx.sheets.length; s++) {
    const sheet = ctx.sheets[s];
    for (let i = 0; i < sheet.indicators.length; i++) {
      const found = fn(sheet.indicators[i], sheet);
      for (let f = 0; f < found.length; f++) out.push(found[f]);
    }
  }
  return out;
}
