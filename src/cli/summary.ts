// The summary workbook of a batch check (`--report tong-hop.xlsx`): a sheet listing every file with
// its status and counts by severity, and a sheet of every finding, each with the file, sheet and
// cell as plain text (no hyperlink, no formula), filter buttons and a frozen header, Vietnamese
// headings. Written by the same package writer as `fill`.

import type { PlannedCell, PlanStyle, SheetPlan } from "../core/fill/plan";
import { severityCounts, type Severity } from "../core/model/findings";
import { columnLetters } from "../core/model/snapshot";
import { newWorkbookBytes } from "../hosts/xlsx/applyPlan";
import { SUMMARY_SHEETS, type FileResult } from "./batch";

const SEVERITY_VI: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Ghi chú" };
const STATUS_VI: Record<FileResult["status"], string> = { checked: "Đã kiểm tra", refused: "Không dùng được", skipped: "Không kiểm tra" };
const HEADER: PlanStyle = { bold: true, border: true, fill: "DDEBF7", wrap: true, vertical: "middle" };
const CELL: PlanStyle = { border: true, wrap: true, vertical: "top" };
const NUMBER: PlanStyle = { border: true, vertical: "top", horizontal: "right" };

/** A table sheet: headings on row 1, one row per record, filter and frozen header. */
function table(name: string, headings: Array<[string, number]>, rows: Array<Array<string | number | null>>): SheetPlan {
  const cells: PlannedCell[] = headings.map(([value], c) => ({ address: `${columnLetters(c)}1`, value, style: HEADER }));
  rows.forEach((row, r) =>
    row.forEach((value, c) =>
      cells.push({ address: `${columnLetters(c)}${r + 2}`, value, style: typeof value === "number" ? NUMBER : CELL }),
    ),
  );
  return {
    name,
    replaces: null,
    cells,
    merges: [],
    columns: headings.map(([, width], c) => ({ column: c + 1, width })),
    frozenRows: 1,
    autoFilter: `A1:${columnLetters(headings.length - 1)}${rows.length + 1}`,
  };
}

/** The summary workbook's bytes. */
export async function summaryWorkbook(results: readonly FileResult[]): Promise<Uint8Array> {
  const count = (r: FileResult, s: Severity) => severityCounts(r.findings)[s];
  const files = table(
    SUMMARY_SHEETS.files.name,
    SUMMARY_SHEETS.files.headings,
    results.map((r) => [
      r.file,
      STATUS_VI[r.status],
      r.reason ?? "",
      r.reportYear,
      r.indicators,
      count(r, "error"),
      count(r, "warning"),
      count(r, "info"),
      r.ignored.length,
    ]),
  );
  const findings = table(
    SUMMARY_SHEETS.findings.name,
    SUMMARY_SHEETS.findings.headings,
    results.flatMap((r) => [
      ...r.findings.map((f) => [r.file, f.sheet, f.cell, SEVERITY_VI[f.severity], f.rule, f.message, ""]),
      ...r.ignored.map(({ finding: f, reason }) => [r.file, f.sheet, f.cell, SEVERITY_VI[f.severity], f.rule, f.message, reason]),
    ]),
  );
  return newWorkbookBytes({ sheets: [files, findings] });
}
