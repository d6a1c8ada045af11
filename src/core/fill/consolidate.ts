// Consolidation (`chitieu consolidate`): the units' reports (departments, districts, communes) into
// the province's table. Flows and stocks are summed; a rate, an average or a per-head figure is a
// mean weighted by its base (the poverty rate by households), never a plain mean, and is left out
// and listed when no weight is given; growth rates and indices are worked out again from the
// totals, not consolidated. Every consolidated figure is a formula over a generated sheet that
// traces it to each unit's file, sheet and cell, so that Excel (or LibreOffice) recomputes it and
// an official can audit it. A table cell that already holds a figure is kept and compared.

import { checkWorkbook, type CheckOptions, type CheckResult } from "../check";
import type { Finding } from "../model/findings";
import {
  crossFinding,
  matchIndicators,
  periodAndYear,
  periodOf,
  pairsFor,
  pairsForNoReport,
  type ComparedReport,
  type CrossFinding,
  type PairOverride,
  type Place,
  type UnresolvedPair,
} from "../compare";
import type { Indicator } from "../model/indicator";
import { markerText, readMarker } from "../model/ownSheets";
import { parseAddress, type WorkbookSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { decimalsShown, valueAt } from "../rules/context";
import { renderMessage } from "../rules/message";
import { CONSOLIDATED_DIFFERS, CONSOLIDATION_MISSING, CONSOLIDATION_REFUSED } from "../rules/periods";
import { applyRuleConfig, DEFAULT_RULE_CONFIG, type RuleConfig } from "../rules";
import { sheetRef, type FigureField } from "./formulas";
import { placeSheet, type EditPlan, type PlannedCell } from "./plan";
import { CELL, HEADER, MARKER, SUBTITLE, TITLE } from "./styles";

export const CONSOLIDATION_TEMPLATE = "tong-hop";
const TRACE_SHEET = "Nguồn tổng hợp";
const FIELDS: readonly FigureField[] = ["plan", "actual", "previous"];
// One object per look, shared by the trace sheet's cells (the writer knows a style by its object first).
const FIGURE = { ...CELL, numberFormat: "#,##0.###" };

const COLUMN: Record<FigureField, string> = { plan: "kế hoạch", actual: "thực hiện", previous: "cùng kỳ" };

/** A rate, average or per-head indicator (by name or catalogue id) → the indicator that weighs it in each unit's report. */
export type Weights = Readonly<Record<string, string>>;

/** One unit's figure in a consolidated figure, with its weight for a weighted mean. */
export interface ConsolidationSource extends Place {
  value: number;
  weight?: number;
  weightCell?: string;
}

export interface ConsolidatedFigure {
  name: string;
  unit: string;
  sheet: string;
  /** The table's cell. */
  cell: string;
  field: FigureField;
  method: "sum" | "weighted";
  value: number;
  sources: ConsolidationSource[];
  /** Units whose report lacks the figure. */
  missing: string[];
  /** False when the table's cell already held something, kept as it was. */
  written: boolean;
  /** The cell holds text, no figure ("-", "x"): kept, and the figure not written. */
  occupied: boolean;
}

export interface Consolidation {
  template: string;
  units: string[];
  /** The name the trace sheet was given ("Nguồn tổng hợp", or another when the table has a sheet of that name). */
  traceSheet: string;
  /** Pairs set by hand that could not be made, with the report they were for. */
  unresolved: Array<UnresolvedPair & { file: string }>;
  figures: ConsolidatedFigure[];
  findings: CrossFinding[];
  /** The trace sheet added and the formulas written into the table's empty cells. */
  plan: EditPlan;
  /** The table as it reads once written, for the checks to run on. */
  snapshot: WorkbookSnapshot;
  /** The table's own formula cells ("Biểu 01!F9"), kept: their values in `snapshot` are as last calculated. */
  formulaCells: string[];
}

/**
 * The checks of the table once written: totals against their parts, plans, growth. A finding at one
 * of the table's own formulas is left out: Excel works the formula out again on opening, and its
 * value in the file is from before the consolidation.
 */
export function checkConsolidated(result: Consolidation, options: CheckOptions = {}): Finding[] {
  const kept = new Set(result.formulaCells);
  return checkWorkbook(result.snapshot, { ...options, blankForm: true }).open.filter((f) => !kept.has(`${f.sheet}!${f.cell}`));
}

export interface ConsolidationOptions {
  weights?: Weights;
  pairs?: readonly PairOverride[];
  config?: RuleConfig;
  /** The units expected to report (a units mapping) and those of them with no report. */
  units?: { unit: string; expected: readonly string[]; missing: readonly string[] } | null;
}

/** The problems of a weights file: `{ "Tỷ lệ hộ nghèo": "Số hộ" }`, rate → the indicator that weighs it. */
export function weightsProblems(value: unknown): string[] {
  const ok =
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string" && v.trim() !== "");
  return ok ? [] : ["phải ghép tên chỉ tiêu tỷ lệ với tên chỉ tiêu làm trọng số / must map each rate's name to its weight's name"];
}

type Method = { method: "sum" } | { method: "weighted"; weight: string } | { refused: "noWeight" | "notAdditive" };

// An amount the catalogue does not know is summed unless its name or unit says it is an average,
// a density, a yield or a length of time ("Tuổi thọ trung bình", "Năm").
const AVERAGE_NAME = /\b(trung binh|binh quan|mat do|nang suat|tuoi tho|he so|chi so|ty le|ty trong|toc do|muc)\b/;
const TIME_UNIT = /^(nam|tuoi|thang|ngay|gio|phut)$/;

/** Whether the units' figures add up to the table's: a flow, a stock, or a count or amount that is not an average. */
function summable(ind: Indicator): boolean {
  if (ind.kind !== "absolute") return false;
  if (ind.measure === "flow" || ind.measure === "stock") return true;
  return ind.measure === null && !AVERAGE_NAME.test(fold(ind.name)) && !TIME_UNIT.test(fold(ind.unit));
}

/** How an indicator is consolidated: summed, weighted by another, or not at all. */
function methodOf(ind: Indicator, weights: Weights): Method {
  if (summable(ind)) return { method: "sum" };
  if (ind.measure === "growth" || ind.kind === "index" || ind.measure === "index") return { refused: "notAdditive" };
  const weight = Object.entries(weights).find(
    ([key]) => fold(key) === fold(ind.name) || (ind.catalogueId !== null && key === ind.catalogueId),
  )?.[1];
  return weight ? { method: "weighted", weight } : { refused: "noWeight" };
}

/** The indicator a weight names in one unit's report: by catalogue id, else by name. */
function weightIn(analysis: CheckResult, weight: string): Indicator | null {
  const found = analysis.indicators.filter((i) => i.catalogueId === weight || fold(i.name) === fold(weight));
  return found.length === 1 ? found[0] : null;
}

/**
 * The weighing indicator of each report, in one unit: the table's own, else the one most reports
 * use. A report counting in another ("Nghìn hộ" where the others count "Hộ") has none: its
 * figures would weigh a thousand times too little.
 */
function weighersIn(template: CheckResult, reports: readonly ComparedReport[], weight: string): Array<Indicator | null> {
  const found = reports.map((r) => weightIn(r.analysis, weight));
  const count = new Map<string, number>();
  for (const w of found) if (w) count.set(fold(w.unit), (count.get(fold(w.unit)) ?? 0) + 1);
  const own = weightIn(template, weight);
  const unit = own ? fold(own.unit) : [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  return found.map((w) => (w && fold(w.unit) === unit ? w : null));
}

/** A workbook chitieu consolidated: its trace sheet (renamed or not) says so. */
export function isConsolidated(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((s) => readMarker(s)?.templateId === CONSOLIDATION_TEMPLATE);
}

/**
 * The reports that cover another year or period than the table (a 9-month report for a 6-month
 * table): summed, they would make a total of nothing. A report or a table that states neither is
 * taken as it is.
 */
export function otherPeriods(template: ComparedReport, units: readonly ComparedReport[]): Array<{ file: string; period: string }> {
  const key = (r: ComparedReport) => {
    const p = periodOf(r.analysis);
    return r.analysis.reportYear === null || p === null ? null : `${r.analysis.reportYear}|${p.kind}|${p.months}|${p.index ?? ""}`;
  };
  const wanted = key(template);
  return wanted === null
    ? []
    : units.filter((u) => key(u) !== null && key(u) !== wanted).map((u) => ({ file: u.file, period: periodAndYear(u.analysis) }));
}

/**
 * The units' reports consolidated into the template's table: the figures, the findings, the plan
 * that writes them, and the table as it reads once written.
 */
export function consolidate(template: ComparedReport, units: readonly ComparedReport[], options: ConsolidationOptions = {}): Consolidation {
  const weights = options.weights ?? {};
  const pairs = options.pairs ?? [];
  const unresolved: Consolidation["unresolved"] = [];
  const matched = units.map((u) => {
    const byTable = new Map<Indicator, Indicator>();
    const refused: UnresolvedPair[] = [];
    for (const [ind, found] of matchIndicators(template.analysis.indicators, u.analysis.indicators, pairsFor(pairs, u), refused))
      byTable.set(ind, found);
    unresolved.push(...refused.map((r) => ({ ...r, file: u.file })));
    return { report: u, byTable };
  });
  unresolved.push(...pairsForNoReport(pairs, units).map((r) => ({ ...r, file: r.pair.file as string })));
  const trace = placeSheet(template.snapshot, CONSOLIDATION_TEMPLATE, TRACE_SHEET);
  const traceCells: PlannedCell[] = [
    { address: "A1", value: "NGUỒN CỦA CÁC SỐ TỔNG HỢP", style: TITLE },
    {
      address: "A2",
      value: `(Mỗi số của biểu tổng hợp là công thức trên các dòng của nó ở đây: tổng, hoặc bình quân theo trọng số; tổng hợp từ ${units.length} báo cáo)`,
      style: SUBTITLE,
    },
    ...["Chỉ tiêu", "Đơn vị tính", "Cột", "Ô tổng hợp", "Tệp của đơn vị", "Trang", "Ô", "Số liệu", "Trọng số", "Ô trọng số"].map(
      (text, c) => ({ address: `${"ABCDEFGHIJ"[c]}4`, value: text, style: HEADER }),
    ),
  ];
  const writes = new Map<string, PlannedCell[]>();
  const figures: ConsolidatedFigure[] = [];
  const findings: CrossFinding[] = [];
  const table = new Map(template.snapshot.sheets.map((s) => [s.name, s] as const));
  // The table's own formulas stay: Excel works them out again when the file is opened.
  const formulas = new Set(template.snapshot.sheets.flatMap((s) => (s.formulas ?? []).map((a) => `${s.name}!${a}`)));
  let row = 5;
  for (const ind of template.analysis.indicators) {
    const sheet = table.get(ind.sheet);
    if (!sheet) continue;
    const how = methodOf(ind, weights);
    const cells = FIELDS.filter((f) => ind.cells[f] !== null && !formulas.has(`${ind.sheet}!${ind.cells[f]}`));
    if (cells.length === 0) continue;
    // A finding about the indicator as a whole points at its actual figure, else its first.
    const at: Place = { file: template.file, sheet: ind.sheet, cell: ind.cells[cells.includes("actual") ? "actual" : cells[0]] as string };
    if (!matched.some((m) => m.byTable.has(ind))) {
      // No report has it, or none could be paired with it (a name some rows share, spelt otherwise).
      const text = renderMessage(CONSOLIDATION_MISSING, "none", { name: ind.name, unit: ind.unit, file: template.file });
      findings.push(crossFinding(CONSOLIDATION_MISSING, text, [at]));
      continue;
    }
    if ("refused" in how) {
      const text = renderMessage(CONSOLIDATION_REFUSED, how.refused, { name: ind.name, unit: ind.unit });
      findings.push(crossFinding(CONSOLIDATION_REFUSED, text, [at]));
      continue;
    }
    // The indicator weighing this one in each report, looked up once for all its columns.
    const weighers = how.method === "weighted" ? weighersIn(template.analysis, units, how.weight) : [];
    if (how.method === "weighted" && !weighers.some((w) => w !== null && FIELDS.some((f) => (w[f] ?? 0) > 0))) {
      const text = renderMessage(CONSOLIDATION_REFUSED, "weightNotFound", { name: ind.name, unit: ind.unit, weight: how.weight });
      findings.push(crossFinding(CONSOLIDATION_REFUSED, text, [at]));
      continue;
    }
    for (const field of cells) {
      const cell = ind.cells[field] as string;
      const sources: ConsolidationSource[] = [];
      const missing: string[] = [];
      /** The most decimals a source shows: the total shows as many (at most 3). */
      let shown = 0;
      for (const [k, { report, byTable }] of matched.entries()) {
        const found = byTable.get(ind);
        const value = found?.[field] ?? null;
        const at = found?.cells[field] ?? null;
        if (!found || value === null || at === null) {
          missing.push(report.file);
          continue;
        }
        const decimals = decimalsShown(report.snapshot.sheets.find((x) => x.name === found.sheet) ?? sheet, at);
        shown = Math.max(shown, decimals);
        if (how.method === "sum") {
          sources.push({ file: report.file, sheet: found.sheet, cell: at, value });
          continue;
        }
        // The weight of the same column, else of the actual figures.
        const weight = weighers[k];
        const by: FigureField = weight?.[field] !== null ? field : "actual";
        const [weightValue, weightCell] = weight ? [weight[by], weight.cells[by]] : [null, null];
        if (weight === null || weightValue === null || weightCell === null || weightValue < 0) missing.push(report.file);
        else
          sources.push({
            file: report.file,
            sheet: found.sheet,
            cell: at,
            value,
            weight: weightValue,
            weightCell: `${weight.sheet}!${weightCell}`,
          });
      }
      if (sources.length === 0) continue;
      const totalWeight = sources.reduce((t, s) => t + (s.weight ?? 0), 0);
      if (how.method === "weighted" && totalWeight === 0) continue;
      const value =
        how.method === "sum"
          ? sources.reduce((t, s) => t + s.value, 0)
          : sources.reduce((t, s) => t + s.value * (s.weight as number), 0) / totalWeight;
      const first = row;
      for (const s of sources) {
        traceCells.push(
          { address: `A${row}`, value: ind.name, style: CELL },
          { address: `B${row}`, value: ind.unit || null, style: CELL },
          { address: `C${row}`, value: COLUMN[field], style: CELL },
          { address: `D${row}`, value: `${ind.sheet}!${cell}`, style: CELL },
          { address: `E${row}`, value: s.file, style: CELL },
          { address: `F${row}`, value: s.sheet, style: CELL },
          { address: `G${row}`, value: s.cell, style: CELL },
          { address: `H${row}`, value: s.value, style: FIGURE },
          { address: `I${row}`, value: s.weight ?? null, style: FIGURE },
          { address: `J${row}`, value: s.weightCell ?? null, style: CELL },
        );
        row++;
      }
      const range = (c: string) => sheetRef(trace.name, `${c}${first}:${c}${row - 1}`);
      const formula = how.method === "sum" ? `SUM(${range("H")})` : `SUMPRODUCT(${range("H")},${range("I")})/SUM(${range("I")})`;
      // A cell with no figure and no text is ours to fill; "-" or "x" is the official's: kept, and said.
      const stated = valueAt(sheet, cell);
      const free = stated === null || stated === undefined || (typeof stated === "string" && stated.trim() === "");
      figures.push({
        name: ind.name,
        unit: ind.unit,
        sheet: ind.sheet,
        cell,
        field,
        method: how.method,
        value,
        sources,
        missing,
        written: free,
        occupied: !free && ind[field] === null,
      });
      const place: Place = { file: template.file, sheet: ind.sheet, cell };
      const sourcePlaces = sources.map((s) => ({ file: s.file, sheet: s.sheet, cell: s.cell }));
      if (free) {
        if (!writes.has(ind.sheet)) writes.set(ind.sheet, []);
        // The cell keeps its look; its number format shows the sources' decimals.
        const decimals = Math.min(3, how.method === "weighted" ? Math.max(shown, 1) : shown);
        writes.get(ind.sheet)?.push({
          address: cell,
          formula,
          value,
          style: { numberFormat: decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}` },
        });
      } else if (ind[field] === null) {
        const text = renderMessage(CONSOLIDATION_REFUSED, "occupied", {
          name: ind.name,
          cell,
          file: template.file,
          text: String(stated),
          column: COLUMN[field],
          value,
        });
        findings.push(crossFinding(CONSOLIDATION_REFUSED, text, [place, ...sourcePlaces], null, value));
      } else {
        const stated = ind[field] as number;
        const slack = 0.5 * 10 ** -decimalsShown(sheet, cell) + 1e-9;
        if (Math.abs(stated - value) > slack) {
          const text = renderMessage(CONSOLIDATED_DIFFERS, "differs", {
            name: ind.name,
            stated,
            file: template.file,
            cell,
            count: sources.length,
            value,
          });
          findings.push(crossFinding(CONSOLIDATED_DIFFERS, text, [place, ...sourcePlaces], stated, value));
        }
      }
      if (missing.length > 0) {
        const params = { name: ind.name, column: COLUMN[field], value, file: template.file, cell };
        const text = renderMessage(CONSOLIDATION_MISSING, "missing", { ...params, count: missing.length, units: missing.join(", ") });
        findings.push(crossFinding(CONSOLIDATION_MISSING, text, [place, ...sourcePlaces], value, value));
      }
    }
  }
  const absent = options.units;
  if (absent && absent.missing.length > 0) {
    const sheet = template.analysis.sheets.find((s) => s.status === "indicators")?.name ?? template.snapshot.sheets[0].name;
    const text = renderMessage(CONSOLIDATION_MISSING, "unitMissing", {
      unit: absent.unit,
      expected: absent.expected.length,
      count: absent.missing.length,
      units: absent.missing.join(", "),
      file: template.file,
    });
    findings.unshift(crossFinding(CONSOLIDATION_MISSING, text, [{ file: template.file, sheet, cell: "A1" }]));
  }
  traceCells.push({ address: `A${row + 1}`, value: markerText(CONSOLIDATION_TEMPLATE, trace.name), style: MARKER });
  const plan: EditPlan = {
    sheets: [
      {
        name: trace.name,
        replaces: trace.replaces,
        columns: [40, 12, 12, 16, 28, 16, 8, 14, 14, 16].map((width, i) => ({ column: i + 1, width })),
        cells: traceCells,
        merges: ["A1:J1", "A2:J2", `A${row + 1}:J${row + 1}`],
        frozenRows: 4,
        autoFilter: `A4:J${Math.max(row - 1, 4)}`,
        landscape: true,
      },
    ],
    writes: [...writes].map(([sheet, cells]) => ({ sheet, cells })),
  };
  const snapshot: WorkbookSnapshot = {
    sheets: template.snapshot.sheets.map((s) => {
      const cells = writes.get(s.name);
      if (!cells) return s;
      const values = s.values.map((r) => [...r]);
      for (const { address, value } of cells) {
        const at = parseAddress(address) as { row: number; col: number };
        while (values.length <= at.row) values.push([]);
        values[at.row][at.col] = value ?? null;
      }
      return { ...s, values };
    }),
  };
  return {
    template: template.file,
    units: units.map((u) => u.file),
    traceSheet: trace.name,
    unresolved,
    figures,
    findings: applyRuleConfig(options.config ?? DEFAULT_RULE_CONFIG, findings),
    plan,
    snapshot,
    formulaCells: [...formulas],
  };
}
