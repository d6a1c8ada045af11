// What a rule sees: the workbook's indicator sheets as read, with their columns and raw cells,
// the report year, the thresholds and the catalogue. Rules are pure functions of this context.

import type { Indicator } from "../analyze";
import type { CatalogueEntry } from "../catalogue";
import type { Finding, Severity } from "../findings";
import type { ColumnInfo } from "../layout";
import { formatNumber, parseNumberText } from "../numbers";
import type { Period } from "../period";
import { parseAddress, type CellValue, type SheetSnapshot } from "../snapshot";
import type { RuleConfig, Thresholds } from "./config";

export interface SheetContext {
  sheet: SheetSnapshot;
  reportYear: number | null;
  period: Period | null;
  titleCells: Array<{ cell: string; text: string }>;
  columns: ColumnInfo[];
  indicators: Indicator[];
}

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
}

export function valueAt(sheet: SheetSnapshot, a1: string | null): CellValue | undefined {
  if (!a1) return undefined;
  const at = parseAddress(a1);
  return at ? sheet.values[at.row]?.[at.col] : undefined;
}

function formatAt(sheet: SheetSnapshot, a1: string): string | null | undefined {
  const at = parseAddress(a1);
  return at ? sheet.numberFormats?.[at.row]?.[at.col] : undefined;
}

/**
 * Decimals a cell shows: from its number format ("0.0" → 1, "0.00%" → 2), else from the text
 * typed, else from the stored number (at most 4).
 */
export function decimalsShown(sheet: SheetSnapshot, a1: string | null): number {
  if (!a1) return 0;
  const value = valueAt(sheet, a1);
  const format = formatAt(sheet, a1);
  if (typeof value === "number" && format && format !== "General") {
    const section = format.split(";")[0].replace(/"[^"]*"/g, "");
    const m = /\.([0#]+)/.exec(section);
    return m ? m[1].length : 0;
  }
  if (typeof value === "string") return parseNumberText(value)?.decimals ?? 0;
  if (typeof value === "number") {
    for (let d = 0; d <= 4; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9 * Math.max(1, Math.abs(value) * 10 ** d)) return d;
    return 4;
  }
  return 0;
}

/** Half a unit of the last decimal shown, plus a hundredth of slack (V01). */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 0.01;
}

/** A number as a Vietnamese reader expects it, with up to `max` decimals. */
export function vi(value: number, max = 2): string {
  let d = 0;
  while (d < max && Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) > 1e-9 * Math.max(1, Math.abs(value) * 10 ** d)) d++;
  return formatNumber(value, d);
}

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

/** Every indicator with its sheet, for rules that look at one indicator at a time. */
export function eachIndicator<T>(ctx: RuleContext, fn: (indicator: Indicator, sheet: SheetContext) => T[]): T[] {
  const out: T[] = [];
  for (const sheet of ctx.sheets) for (const indicator of sheet.indicators) for (const f of fn(indicator, sheet)) out.push(f);
  return out;
}
