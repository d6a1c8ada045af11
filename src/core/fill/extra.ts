// Two more plans the task pane offers: the findings exported as a sheet, and the comparison
// columns (TH/KH, TH/CK) written as formulas into the indicator sheet itself — the only plan that
// writes into a user's sheet, so it names every cell it would write and the host asks first.

import type { Finding } from "../model/findings";
import { columnLetters, parseAddress, type WorkbookSnapshot } from "../model/snapshot";
import { figureFormula, PERCENT_FORMAT, pointsFormula, POINTS_FORMAT, ratioFormula } from "./formulas";
import { markerText } from "../model/ownSheets";
import { placeSheet, type PlannedCell, type SheetPlan, type SheetWrite } from "./plan";
import type { Analysis, Indicator } from "../model/indicator";

const SEVERITY_VI = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as const;

export function findingsSheet(workbook: WorkbookSnapshot, findings: readonly Finding[], reportYear: number | null): SheetPlan {
  const { name, replaces } = placeSheet(workbook, "ket-qua-kiem-tra", `Kết quả kiểm tra ${reportYear ?? ""}`.trim());
  const header = { bold: true, border: true, fill: "DDEBF7", wrap: true, vertical: "middle" as const };
  const cell = { border: true, wrap: true, vertical: "top" as const };
  const cells: PlannedCell[] = ["Mức", "Quy tắc", "Trang", "Ô", "Nội dung", "Giá trị đúng", "Giá trị ghi"].map((value, c) => ({
    address: `${columnLetters(c)}1`,
    value,
    style: header,
  }));
  findings.forEach((f, i) => {
    const row = i + 2;
    const values: Array<string | number | null> = [
      SEVERITY_VI[f.severity],
      f.rule,
      f.sheet,
      f.cell,
      f.message,
      f.expected ?? null,
      f.actual ?? null,
    ];
    values.forEach((value, c) =>
      cells.push({
        address: `${columnLetters(c)}${row}`,
        value,
        style:
          c >= 5
            ? { ...cell, numberFormat: "#,##0.0#" }
            : f.severity === "error" && c === 0
              ? { ...cell, bold: true, color: "C00000" }
              : cell,
      }),
    );
  });
  cells.push({
    address: `A${findings.length + 3}`,
    value: markerText("ket-qua-kiem-tra", name),
    style: { italic: true, size: 9, color: "808080" },
  });
  return {
    name,
    replaces,
    columns: [10, 18, 16, 7, 80, 12, 12].map((width, i) => ({ column: i + 1, width })),
    cells,
    merges: [],
    frozenRows: 1,
    printTitleRows: { first: 1, last: 1 },
    autoFilter: `A1:G${findings.length + 1}`,
  };
}

export interface ComparisonColumns {
  /** Column letters to write TH/KH (%) and TH/CK (%, or points for rates) into. */
  planPercent: string | null;
  previous: string | null;
}

/** The column letters a sheet's indicators are read from: names, units and figures (plan, actual, previous). */
export function dataColumns(analysis: Analysis, sheet: string): string[] {
  const letters = new Set<string>();
  for (const i of analysis.indicators) {
    if (i.sheet !== sheet) continue;
    for (const at of [i.cells.name, i.cells.unit, i.cells.plan, i.cells.actual, i.cells.previous])
      if (at) letters.add(at.replace(/\d+$/, ""));
  }
  return [...letters].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/**
 * Formulas for the comparison columns of one indicator sheet, row by row, over the sheet's own
 * cells. `occupied` lists the cells that already hold something: the host must ask before those.
 * A column the indicators are read from is never a target (a formula there would replace the
 * figure it computes from): it is named in `refused` and nothing is planned.
 */
export function comparisonColumns(
  workbook: WorkbookSnapshot,
  analysis: Analysis,
  sheet: string,
  columns: ComparisonColumns,
): { write: SheetWrite; occupied: string[]; refused: string[] } {
  const data = dataColumns(analysis, sheet);
  const refused = [columns.planPercent, columns.previous].filter((c): c is string => c !== null && data.includes(c));
  if (columns.planPercent !== null && columns.planPercent === columns.previous) refused.push(columns.planPercent);
  if (refused.length > 0) return { write: { sheet, cells: [] }, occupied: [], refused };
  const source = workbook.sheets.find((s) => s.name === sheet);
  const style = analysis.sheets.find((s) => s.name === sheet)?.numberStyle ?? "vi";
  const cells: PlannedCell[] = [];
  const occupied: string[] = [];
  const local = (i: Indicator, field: "actual" | "plan" | "previous") =>
    source && i[field] !== null ? figureFormula(i, field, source, style, true) : null;
  for (const i of analysis.indicators.filter((x) => x.sheet === sheet)) {
    const actual = local(i, "actual");
    const add = (letter: string | null, formula: string | null, value: number | null, numberFormat: string) => {
      if (!letter || formula === null) return;
      const address = `${letter}${i.row}`;
      const at = parseAddress(address);
      const existing = at && source ? source.values[at.row]?.[at.col] : null;
      if (existing !== null && existing !== undefined && existing !== "") occupied.push(address);
      cells.push({ address, formula, value: value ?? "-", style: { numberFormat } });
    };
    const plan = local(i, "plan");
    const previous = local(i, "previous");
    if (i.kind === "absolute") {
      add(
        columns.planPercent,
        actual && plan && i.planTarget?.qualifier === "point" ? ratioFormula(actual, plan) : null,
        i.planPercent,
        PERCENT_FORMAT,
      );
      add(columns.previous, actual && previous ? ratioFormula(actual, previous) : null, i.index, PERCENT_FORMAT);
    } else {
      add(columns.previous, actual && previous ? pointsFormula(actual, previous) : null, i.changePoints, POINTS_FORMAT);
    }
  }
  return { write: { sheet, cells }, occupied, refused };
}
