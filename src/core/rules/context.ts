// What a rule sees: the workbook's indicator sheets as read, with their columns and raw cells,
// the report year, the configuration (its option values per indicator) and the catalogue. A rule
// is its record (record.ts) and one small pure check of this context; its findings are built from
// the record's messages by `report`, never from strings of the check's own.

import type { CatalogueEntry, IndicatorKind } from "../model/catalogue";
import type { Finding, Severity } from "../model/findings";
import { formatCompact, parseNumberText } from "../model/numbers";
import { parseAddress, type CellValue, type SheetSnapshot } from "../model/snapshot";
import type { OptionValues, RuleConfig } from "./config";
import type { Indicator, IndicatorSheet } from "../model/indicator";
import { renderMessage, type MessageKey, type ParamsOf, type RenderedMessage } from "./message";
import type { OptionValueOf, RuleRecord, SeverityOf } from "./record";

/** An indicator sheet with what the rules need of it. */
export type SheetContext = IndicatorSheet;

export interface RuleContext {
  reportYear: number | null;
  sheets: SheetContext[];
  config: RuleConfig;
  entry(id: string | null): CatalogueEntry | null;
  /** Every option's value for one indicator: the configuration's defaults, overridden by catalogue id, then by name. */
  options(indicator: Indicator): OptionValues;
  /** One option of a rule's record for one indicator. */
  option<R extends RuleRecord, K extends keyof R["options"] & string>(
    indicator: Indicator,
    rule: R,
    key: K,
  ): OptionValueOf<R["options"][K]>;
}

/** A rule with a check of the workbook's sheets: its record and one small pure function. */
export interface Rule extends RuleRecord {
  check(ctx: RuleContext): Finding[];
  /** For a rule that looks at one indicator at a time: the check of one, so that every such rule runs in one pass. */
  each?(indicator: Indicator, sheet: SheetContext, ctx: RuleContext): readonly Finding[];
  /** The kinds of indicator `each` can find anything in; absent: every kind. */
  kinds?: readonly IndicatorKind[];
}

type EachCheck = (indicator: Indicator, sheet: SheetContext, ctx: RuleContext) => readonly Finding[];

/** A sheet rule: a record with a check of the whole context. */
export function sheetRule<const R extends RuleRecord>(record: R, check: (ctx: RuleContext) => Finding[]): R & Rule {
  return { ...record, check };
}

/** A rule on one indicator at a time; `check` runs it over the workbook on its own. */
export function indicatorRule<const R extends RuleRecord>(
  record: R,
  definition: { kinds?: readonly IndicatorKind[]; each: EachCheck },
): R & Rule {
  const { each, kinds } = definition;
  return { ...record, ...(kinds ? { kinds } : {}), each, check: (ctx) => eachIndicator(ctx, (i, s) => each(i, s, ctx)) };
}

/** Where a finding points and the figures it carries; the severity when the check picks one for the case. */
export interface FindingAt<R extends RuleRecord> {
  sheet: string;
  cell: string;
  severity?: SeverityOf<R>;
  expected?: number | null;
  actual?: number | null;
  imbalance?: number | null;
}

function withFigures(finding: Finding, at: FindingAt<RuleRecord>): Finding {
  if (at.expected !== undefined) finding.expected = at.expected;
  if (at.actual !== undefined) finding.actual = at.actual;
  if (at.imbalance !== undefined) finding.imbalance = at.imbalance;
  return finding;
}

/**
 * A finding of a rule: one of its record's messages with its parameters, in both languages, at a
 * cell; the record's severity unless the check gives one of the record's severities for the case.
 */
export function report<R extends RuleRecord, K extends MessageKey<R>>(
  rule: R,
  key: K,
  params: ParamsOf<R["messages"][K]>,
  at: FindingAt<R>,
): Finding {
  return toFinding(rule, renderMessage(rule, key, params), at);
}

/** A finding from a message already rendered (renderMessage) where the check chose it among several. */
export function toFinding<R extends RuleRecord>(rule: R, message: RenderedMessage, at: FindingAt<R>): Finding {
  const severity: Severity = at.severity ?? rule.severity;
  return withFigures(
    { rule: rule.id, severity, sheet: at.sheet, cell: at.cell, message: message.message, messageEn: message.messageEn },
    at,
  );
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
  if (typeof value === "number") return generalDecimals(value);
  return 0;
}

/** Decimals of a number as Excel's General format shows it: its shortest form, at most 4 here. */
export function generalDecimals(value: number): number {
  const text = String(value);
  const point = text.indexOf(".");
  return point < 0 || text.includes("e") ? 0 : Math.min(4, text.length - point - 1);
}

/** Half a unit of the last decimal shown, plus a hundredth of slack (V01). */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 0.01;
}

/** A number as a Vietnamese reader expects it, with up to `max` decimals. */
export const vi = (value: number, max = 2): string => formatCompact(value, max);

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
