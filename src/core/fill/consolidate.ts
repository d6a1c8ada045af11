// Consolidation (`chitieu consolidate`): the units' reports (departments, districts, communes) into
// the province's table. Flows and stocks are summed; a rate, an average or a per-head figure is a
// mean weighted by its base (the poverty rate by households), never a plain mean, and is left out
// and listed when no weight is given; growth rates and indices are worked out again from the
// totals, not consolidated. Every consolidated figure is a formula over a generated sheet that
// traces it to each unit's file, sheet and cell, so that Excel (or LibreOffice) recomputes it and
// an official can audit it. A table cell that already holds a figure is kept and compared.

import type { CheckResult } from "../check";
import { matchIndicators, type ComparedReport, type CrossFinding, type PairOverride, type Place } from "../compare";
import type { Indicator } from "../model/indicator";
import { markerText } from "../model/ownSheets";
import { parseAddress, type CellValue, type WorkbookSnapshot } from "../model/snapshot";
import { fold } from "../model/text";
import { isPercentFormat } from "../reading/figures";
import { decimalsShown, valueAt } from "../rules/context";
import { renderMessage } from "../rules/message";
import { CONSOLIDATED_DIFFERS, CONSOLIDATION_MISSING, CONSOLIDATION_REFUSED } from "../rules/periods";
import { applyRuleConfig, DEFAULT_RULE_CONFIG, type RuleConfig } from "../rules";
import { figureFormat, sheetRef, type FigureField } from "./formulas";
import { placeSheet, type EditPlan, type PlannedCell } from "./plan";
import { CELL, HEADER, MARKER, SUBTITLE, TITLE } from "./styles";

export const CONSOLIDATION_TEMPLATE = "tong-hop";
const TRACE_SHEET = "Nguồn tổng hợp";
const FIELDS: readonly FigureField[] = ["plan", "actual", "previous"];
// One object per look, shared by the trace sheet's cells (the writer knows a style by its object first).
const FIGURE = { ...CELL, numberFormat: "#,##0.###" };

const COLUMN: Record<FigureField, [string, string]> = {
  plan: ["kế hoạch", "plan"],
  actual: ["thực hiện", "actual"],
  previous: ["cùng kỳ", "same period"],
};

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
  /** False when the table's cell already held a figure, kept as it was. */
  written: boolean;
}

export interface Consolidation {
  template: string;
  units: string[];
  figures: ConsolidatedFigure[];
  findings: CrossFinding[];
  /** The trace sheet added and the formulas written into the table's empty cells. */
  plan: EditPlan;
  /** The table as it reads once written, for the checks to run on. */
  snapshot: WorkbookSnapshot;
}

export interface ConsolidationOptions {
  weights?: Weights;
  pairs?: readonly PairOverride[];
  config?: RuleConfig;
  /** The units expected to report (a units mapping) and those of them with no report. */
  units?: { unit: string; expected: readonly string[]; missing: readonly string[] } | null;
}

const WHAT: Record<string, [string, string]> = {
  level: ["một tỷ lệ", "a rate"],
  share: ["một cơ cấu", "a share"],
  ratio: ["một số bình quân", "an average"],
  growth: ["một tốc độ tăng", "a growth rate"],
  index: ["một chỉ số", "an index"],
};

type Method = { method: "sum" } | { method: "weighted"; weight: string } | { refused: "noWeight" | "notAdditive" };

/** How an indicator is consolidated: summed, weighted by another, or not at all. */
function methodOf(ind: Indicator, weights: Weights): Method {
  if (ind.kind === "absolute" && ind.measure !== "ratio") return { method: "sum" };
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

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * The units' reports consolidated into the template's table: the figures, the findings, the plan
 * that writes them, and the table as it reads once written.
 */
export function consolidate(template: ComparedReport, units: readonly ComparedReport[], options: ConsolidationOptions = {}): Consolidation {
  const weights = options.weights ?? {};
  const pairs = options.pairs ?? [];
  const matched = units.map((u) => {
    const byTable = new Map<Indicator, Indicator>();
    const own = pairs.filter((p) => p.file === undefined || p.file === u.file);
    for (const [ind, found] of matchIndicators(template.analysis.indicators, u.analysis.indicators, own)) byTable.set(ind, found);
    return { report: u, byTable };
  });
  const trace = placeSheet(template.snapshot.sheets, CONSOLIDATION_TEMPLATE, TRACE_SHEET);
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
  let row = 5;
  for (const ind of template.analysis.indicators) {
    const sheet = table.get(ind.sheet);
    if (!sheet) continue;
    const how = methodOf(ind, weights);
    if ("refused" in how) {
      const found = matched.some((m) => m.byTable.has(ind));
      const cell = ind.cells.actual ?? ind.cells.name;
      if (!found) continue;
      const [what, whatEn] = WHAT[ind.measure ?? ""] ?? ["một tỷ lệ", "a rate"];
      const text = renderMessage(CONSOLIDATION_REFUSED, how.refused, { name: ind.name, unit: ind.unit, what, whatEn });
      const rule = CONSOLIDATION_REFUSED;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        ...text,
        places: [{ file: template.file, sheet: ind.sheet, cell }],
        current: null,
        earlier: null,
      });
      continue;
    }
    for (const field of FIELDS) {
      const cell = ind.cells[field];
      if (!cell) continue;
      const sources: ConsolidationSource[] = [];
      const missing: string[] = [];
      for (const { report, byTable } of matched) {
        const found = byTable.get(ind);
        const value = found?.[field] ?? null;
        const at = found?.cells[field] ?? null;
        if (!found || value === null || at === null) {
          missing.push(report.file);
          continue;
        }
        if (how.method === "sum") {
          sources.push({ file: report.file, sheet: found.sheet, cell: at, value });
          continue;
        }
        const weight = weightIn(report.analysis, how.weight);
        const weightValue = weight?.[field] ?? weight?.actual ?? null;
        const weightCell = weight?.[field] !== null && weight?.[field] !== undefined ? weight.cells[field] : (weight?.cells.actual ?? null);
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
          { address: `C${row}`, value: COLUMN[field][0], style: CELL },
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
      const at = parseAddress(cell) as { row: number; col: number };
      const present = valueAt(sheet, cell);
      const format = sheet.numberFormats?.[at.row]?.[at.col];
      // A cell formatted as a percentage shows 0.442 as 44.2%: the figure goes in as a fraction.
      const percent = format ? isPercentFormat(format) : false;
      const free = isEmpty(present);
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
      });
      const place: Place = { file: template.file, sheet: ind.sheet, cell };
      const sourcePlaces = sources.map((s) => ({ file: s.file, sheet: s.sheet, cell: s.cell }));
      if (free) {
        if (!writes.has(ind.sheet)) writes.set(ind.sheet, []);
        writes.get(ind.sheet)?.push({
          address: cell,
          formula: percent ? `(${formula})/100` : formula,
          value: percent ? value / 100 : value,
          style: { numberFormat: format ?? figureFormat(ind, field, sheet) },
        });
      } else if (ind[field] !== null) {
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
          findings.push({
            rule: CONSOLIDATED_DIFFERS.id,
            severity: CONSOLIDATED_DIFFERS.severity,
            ...text,
            places: [place, ...sourcePlaces],
            current: stated,
            earlier: value,
          });
        }
      }
      if (missing.length > 0) {
        const params = { name: ind.name, column: COLUMN[field][0], columnEn: COLUMN[field][1], value, file: template.file, cell };
        const text = renderMessage(CONSOLIDATION_MISSING, "missing", { ...params, count: missing.length, units: missing.join(", ") });
        findings.push({
          rule: CONSOLIDATION_MISSING.id,
          severity: CONSOLIDATION_MISSING.severity,
          ...text,
          places: [place, ...sourcePlaces],
          current: value,
          earlier: value,
        });
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
    const rule = CONSOLIDATION_MISSING;
    findings.unshift({
      rule: rule.id,
      severity: rule.severity,
      ...text,
      places: [{ file: template.file, sheet, cell: "A1" }],
      current: null,
      earlier: null,
    });
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
    figures,
    findings: applyRuleConfig(options.config ?? DEFAULT_RULE_CONFIG, findings),
    plan,
    snapshot,
  };
}
