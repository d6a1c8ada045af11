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
 * What Excel's NUMBERVALUE(text, decimal, group) gives, or null for #VALUE!: spaces ignored, group
 * separators only before the decimal one, one decimal separator at most, trailing percent signs
 * each a hundredth. Stricter than Excel where LibreOffice may differ (other spaces, line breaks),
 * and an empty text is no figure.
 */
export function excelNumberValue(text: string, decimal: string, group: string): number | null {
  let t = text.replace(/ /g, "");
  let percent = 0;
  while (t.endsWith("%")) {
    percent++;
    t = t.slice(0, -1);
  }
  const point = t.indexOf(decimal);
  if (point >= 0 && t.indexOf(decimal, point + 1) >= 0) return null;
  const whole = point < 0 ? t : t.slice(0, point);
  const fraction = point < 0 ? null : t.slice(point + 1);
  if (fraction !== null && fraction.includes(group)) return null;
  const digits = whole.split(group).join("") + (fraction === null ? "" : `.${fraction}`);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(digits)) return null;
  return Number(digits) / 100 ** percent;
}

/**
 * The figure read from a field's cell, when it is one number ("1.235,6", "2.300 tỷ"); null for
 * none, or for a plan that is a bound or a range ("Dưới 2,5"), which a table shows as written.
 */
export function pointFigure(indicator: Indicator, field: FigureField): number | null {
  if (field === "plan" && indicator.planTarget !== null && indicator.planTarget.qualifier !== "point") return null;
  return indicator[field];
}

/** A number as a formula constant: JavaScript's shortest form, an exponent written as Excel does ("1E+21"). */
const constant = (value: number) => String(value).toUpperCase();

/**
 * The formula that brings one figure of an indicator from its source cell, as the core read it:
 * a percent-formatted 0.027 is 2.7, a number typed as text "1.235,6" goes through NUMBERVALUE with
 * the separators that give the figure read (the sheet's, else the other way round: "1 200.5" in a
 * sheet of "1.200,5"). A text NUMBERVALUE would read otherwise or not at all (a line of a cell of
 * several, "136 tỷ", "(1,5)", "−2,5") is written as the figure read, a constant: a formula must
 * never give another figure than the one checked. A formula written on the source sheet itself
 * (`onSourceSheet`) refers to the cell without the sheet's name. Null when the indicator has no such cell.
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
  if (typeof value === "string") {
    const read = pointFigure(indicator, field);
    if (read === null) return ref;
    const percent = value.includes("%") ? 100 : 1;
    const separators: Array<[string, string]> =
      style === "vi"
        ? [
            [",", "."],
            [".", ","],
          ]
        : [
            [".", ","],
            [",", "."],
          ];
    const gives = ([decimal, group]: [string, string]) => {
      const v = excelNumberValue(value, decimal, group);
      return v !== null && Math.abs(v * percent - read) <= 1e-9 * Math.max(1, Math.abs(read));
    };
    const found = separators.find(gives);
    if (!found) return constant(read);
    return `NUMBERVALUE(${ref},"${found[0]}","${found[1]}")${percent === 100 ? "*100" : ""}`;
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
