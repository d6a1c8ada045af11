// What every template needs from the analysed workbook: the indicators to report (not those of
// sheets chitieu generated), their source sheets, how each sheet words its figures, and which
// indicators carry an error that must not be narrated as if fine.

import type { Finding } from "../model/findings";
import { sheetWording, type SheetWording } from "../narrative/write";
import type { NumberStyle } from "../model/numbers";
import { romanNumeral, type Period } from "../model/period";
import { decimalsShown } from "../rules/context";
import { parseAddress, type SheetSnapshot, type WorkbookSnapshot } from "../model/snapshot";
import type { Analysis, Indicator, SheetReport } from "../model/indicator";

export interface FillSource {
  workbook: WorkbookSnapshot;
  analysis: Analysis;
  indicators: Indicator[];
  reportYear: number | null;
  /** The period of the first indicator sheet ("6 tháng"); null for a whole year. */
  period: Period | null;
  sheet(name: string): SheetSnapshot;
  style(sheet: string): NumberStyle;
  wording(indicator: Indicator): SheetWording;
  /** The first error-severity finding on an indicator's row, if any. */
  error(indicator: Indicator): Finding | null;
}

export function fillSource(workbook: WorkbookSnapshot, analysis: Analysis): FillSource {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const reports = new Map<string, SheetReport>(analysis.sheets.map((r) => [r.name, r]));
  const errors = new Map<string, Finding>();
  for (const f of analysis.findings) {
    if (f.severity !== "error" || !f.cell) continue;
    const at = parseAddress(f.cell);
    const key = `${f.sheet}\u0000${at ? at.row + 1 : 0}`;
    if (!errors.has(key)) errors.set(key, f);
  }
  const wordings = new Map<string, SheetWording>();
  const sheet = (name: string) => sheets.get(name) ?? { name, values: [], merges: [] };
  const wording = (indicator: Indicator) => {
    let w = wordings.get(indicator.sheet);
    if (!w) {
      const source = sheet(indicator.sheet);
      w = sheetWording(reports.get(indicator.sheet), analysis.reportYear, (i) => decimalsShown(source, i.cells.actual));
      wordings.set(indicator.sheet, w);
    }
    return w;
  };
  const first = analysis.sheets.find((r) => r.status === "indicators");
  const period = first?.period && first.period.months !== 12 ? first.period : null;
  return {
    workbook,
    analysis,
    indicators: analysis.indicators,
    reportYear: analysis.reportYear,
    period,
    sheet,
    style: (name) => reports.get(name)?.numberStyle ?? "vi",
    wording,
    error: (indicator) => errors.get(`${indicator.sheet}\u0000${indicator.row}`) ?? null,
  };
}

/** "6T-2020", "QII-2021", "T5-2020", "năm 2021": the short period used in generated sheet names. */
export function shortPeriod(period: Period | null, year: number | null): string {
  const y = year ?? "";
  if (!period) return `năm ${y}`.trim();
  if (period.kind === "quarter") return `Q${romanNumeral(period.index ?? period.months / 3)}-${y}`;
  if (period.kind === "month") return `T${period.index ?? period.months}-${y}`;
  return `${period.months}T-${y}`;
}

/** Consecutive runs of indicators with the same sheet and group, in source order. */
export function sections(indicators: readonly Indicator[]): Array<{ sheet: string; group: string | null; indicators: Indicator[] }> {
  const out: Array<{ sheet: string; group: string | null; indicators: Indicator[] }> = [];
  for (const i of indicators) {
    const last = out[out.length - 1];
    if (last && last.sheet === i.sheet && last.group === i.group) last.indicators.push(i);
    else out.push({ sheet: i.sheet, group: i.group, indicators: [i] });
  }
  return out;
}
