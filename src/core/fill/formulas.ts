// Formulas that generated tables write, in Excel's English form without "=". Figures reference the
// source cells so that an official can audit them and the table follows later edits; comparisons
// are computed over those references and guarded with IFERROR, as the core guards its divisions.

import { isPercentFormat } from "../reading/figures";
import type { NumberStyle } from "../model/numbers";
import { decimalsAt } from "../rules/context";
import { parseAddress, type SheetSnapshot } from "../model/snapshot";
import type { Indicator } from "../model/indicator";

export type FigureField = "actual" | "plan" | "previous";

/** 'Biểu 01'!F9: the sheet name always quoted, its quotes doubled. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The formula that brings one figure of an indicator from its source cell, as the core read it:
 * a percent-formatted 0.027 is 2.7, a number typed as text "1.235,6" goes through NUMBERVALUE with
 * the sheet's separators. A formula written on the source sheet itself (`onSourceSheet`) refers to
 * the cell without the sheet's name. Null when the indicator has no such cell.
 */
export function figureFormula(
  indicator: Indicator,
  field: FigureField,
  source: SheetSnapshot,
  style: NumberStyle,
  onSourceSheet = false,
): string | null {
  const address = indicator.cells[field];
  if (!address) return null;
  const ref = onSourceSheet ? address : sheetRef(indicator.sheet, address);
  const at = parseAddress(address);
  const value = at ? source.values[at.row]?.[at.col] : undefined;
  if (typeof value === "number") {
    const format = source.numberFormats?.[at!.row]?.[at!.col];
    return format && isPercentFormat(format) ? `${ref}*100` : ref;
  }
  if (typeof value === "string" && indicator.textNumbers.includes(address)) {
    const [decimal, group] = style === "vi" ? [",", "."] : [".", ","];
    return `NUMBERVALUE(${ref},"${decimal}","${group}")${value.includes("%") ? "*100" : ""}`;
  }
  return ref;
}

/** The number format a figure is shown with: the source's own, else as many decimals as it has (≤ 2). */
export function figureFormat(indicator: Indicator, field: FigureField, source: SheetSnapshot): string {
  const address = indicator.cells[field];
  const at = address ? parseAddress(address) : null;
  const format = at ? source.numberFormats?.[at.row]?.[at.col] : null;
  if (format && !isPercentFormat(format) && /[0#]/.test(format)) return format;
  const decimals = at ? Math.min(2, decimalsAt(source, at.row, at.col)) : 0;
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

/** a / b × 100, "-" when it cannot be computed (empty, text, zero or negative base), as percentOf. */
export function ratioFormula(a: string, b: string): string {
  return `IFERROR(IF(AND(ISNUMBER(${a}),ISNUMBER(${b}),${b}>0),${a}/${b}*100,"-"),"-")`;
}

/** a − b in points, "-" when either is missing or text. */
export function pointsFormula(a: string, b: string): string {
  return `IFERROR(IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"-"),"-")`;
}

export const PERCENT_FORMAT = "#,##0.0";
export const POINTS_FORMAT = '+#,##0.00" điểm";-#,##0.00" điểm";0.00" điểm"';
