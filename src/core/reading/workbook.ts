// Reads every indicator sheet of a workbook snapshot into indicators with their computations.
// Sheets that are not indicator tables (notes, cover pages) are skipped and reported as such;
// reading problems (ambiguous number texts) become findings. No rule runs here: check.ts
// composes reading, the rules and the official's ignores.

import { CatalogueMatcher, type Catalogue } from "../model/catalogue";
import { DEFAULT_CATALOGUE } from "../model/catalogueData";
import { DEFAULT_EVALUATION_OPTIONS, type EvaluationOptions } from "../model/compute";
import type { Finding } from "../model/findings";
import type { Indicator, IndicatorSheet, SheetReport, WorkbookReading, YearSource } from "../model/indicator";
import { isGeneratedSheet, isTemplateSheet } from "../model/ownSheets";
import type { Period } from "../model/period";
import { address, type WorkbookSnapshot } from "../model/snapshot";
import { parseNumberText } from "../model/numbers";
import { tidy } from "../model/text";
import { findHeader, resolveColumns, type ResolvedColumns } from "./layout";
import { readSheet } from "./sheet";
import { turnBack, turnedAddress, turnedTable } from "./transposed";

export interface ReadOptions {
  /** The report year; inferred from titles and headers when absent. */
  reportYear?: number | null;
  /** Only this sheet (by name). */
  sheet?: string | null;
  /** The reporting period, when the official sets it; read from titles and headers when absent. */
  period?: Period | null;
  catalogue?: Catalogue;
  evaluation?: EvaluationOptions;
  /** Told after each sheet is read (the pane's progress bar). */
  onSheet?(done: number, total: number): void;
  /** A form whose figure cells are still empty (the province's table a consolidation fills). */
  blankForm?: boolean;
}

/**
 * The report year a workbook states itself, read as if no year were given; null when it states
 * none or holds no indicator sheet. Hosts compare it with a year the official typed.
 */
export function statedReportYear(workbook: WorkbookSnapshot, options: ReadOptions = {}): number | null {
  const reading = readIndicators(workbook, { ...options, reportYear: null });
  return reading.sheets.some((s) => s.status === "indicators") ? reading.reportYear : null;
}

export function readIndicators(workbook: WorkbookSnapshot, options: ReadOptions = {}): WorkbookReading {
  const matcher = CatalogueMatcher.of(options.catalogue ?? DEFAULT_CATALOGUE);
  const evaluationOptions = options.evaluation ?? DEFAULT_EVALUATION_OPTIONS;
  const yearOption = options.reportYear ?? null;
  const sheets = options.sheet ? workbook.sheets.filter((s) => s.name === options.sheet) : workbook.sheets;

  // Pass 1: headers and each sheet's own year; the workbook's year is the most common of them.
  // Sheets chitieu generated and template sheets are reports, not data: reading them again would
  // count every indicator twice.
  const ownSheets = new Map<string, [string, string]>();
  for (const sheet of sheets) {
    if (isGeneratedSheet(sheet))
      ownSheets.set(sheet.name, ["trang do chitieu tạo (báo cáo, không phải số liệu nguồn)", "a sheet chitieu generated"]);
    else if (isTemplateSheet(sheet)) ownSheets.set(sheet.name, ["trang mẫu báo cáo (có ô {{…}})", "a report template sheet"]);
  }
  const headed = sheets.map((sheet) => {
    if (ownSheets.has(sheet.name)) return { sheet, view: sheet, turned: null, header: null, resolved: null };
    // A table laid across (years down, indicators along the top) is read turned a quarter.
    const turned = turnedTable(sheet);
    const view = turned?.sheet ?? sheet;
    const header = findHeader(view, options.blankForm);
    return { sheet, view, turned, header, resolved: header ? resolveColumns(header, sheet.name, yearOption) : null };
  });
  const { year: workbookYear, source: workbookYearSource } = workbookReportYear(
    headed.map((h) => h.resolved),
    yearOption,
  );

  const reports: SheetReport[] = [];
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  const tables: IndicatorSheet[] = [];
  let done = 0;
  for (const { sheet, view, turned, header, resolved: own } of headed) {
    options.onSheet?.(done++, headed.length);
    const ownReason = ownSheets.get(sheet.name);
    if (ownReason) {
      reports.push(skipped(sheet.name, ownReason[0], ownReason[1]));
      continue;
    }
    if (!header || !own) {
      reports.push(skipped(sheet.name, ...noTableReason(sheet)));
      continue;
    }
    const withYear = own.reportYear === null && workbookYear !== null ? resolveColumns(header, sheet.name, workbookYear) : own;
    const resolved = options.period === undefined ? withYear : { ...withYear, period: options.period };
    const read = readSheet(view, header, resolved, matcher, evaluationOptions);
    if ("skip" in read) {
      reports.push(skipped(sheet.name, read.skip, read.skipEn));
      continue;
    }
    let columns = read.columns;
    let titleCells = header.titleCells;
    if (turned) {
      for (const indicator of read.indicators) turnBack(turned, indicator);
      for (const finding of read.findings) finding.cell = turnedAddress(turned, finding.cell);
      columns = columns.map((c) => ({ ...c, headerCell: turnedAddress(turned, c.headerCell) }));
      titleCells = titleCellsOf(sheet, turned.back(1, 0).row);
    }
    // A loop, not push(...spread): a sheet may hold more rows than a call takes arguments.
    for (const indicator of read.indicators) indicators.push(indicator);
    for (const finding of read.findings) findings.push(finding);
    tables.push({ sheet, reportYear: resolved.reportYear, period: resolved.period, titleCells, columns, indicators: read.indicators });
    reports.push({
      name: sheet.name,
      status: "indicators",
      reportYear: resolved.reportYear,
      yearSource: resolved.yearSource,
      period: resolved.period,
      title: header.title,
      headerRows: header.rows.map((r) => r + 1),
      numberRow: header.numberRow === null ? null : header.numberRow + 1,
      dataStartRow: header.dataStart + 1,
      columns: read.columns.map(({ letter, header: h, role, year }) => ({ letter, header: h, role, year })),
      numberStyle: read.style,
      indicatorCount: read.indicators.length,
      ...(turned ? { orientation: "columns" as const } : {}),
    });
  }
  return { reportYear: workbookYear, reportYearSource: workbookYearSource, sheets: reports, tables, indicators, findings };
}

/** The title cells of a sheet above a row. */
function titleCellsOf(sheet: WorkbookSnapshot["sheets"][number], before: number): Array<{ cell: string; text: string }> {
  const out: Array<{ cell: string; text: string }> = [];
  for (let r = 0; r < before; r++)
    (sheet.values[r] ?? []).forEach((v, c) => {
      if (typeof v === "string" && v.trim()) out.push({ cell: address(r, c), text: tidy(v) });
    });
  return out;
}

/**
 * Why a sheet holds no indicator table, said truthfully: no figure at all, figures with no header
 * over them, or a header whose columns name no plan, actual, previous or year.
 */
function noTableReason(sheet: WorkbookSnapshot["sheets"][number]): [string, string] {
  let figures = 0;
  let texts = 0;
  for (const row of sheet.values.slice(0, 200))
    for (const v of row ?? []) {
      if (typeof v === "number" || (typeof v === "string" && parseNumberText(v) !== null)) figures++;
      else if (typeof v === "string" && v.trim() !== "") texts++;
    }
  if (figures === 0)
    return texts === 0
      ? ["trang trống", "the sheet is empty"]
      : ["trang chỉ có chữ, không có số liệu (trang bìa, ghi chú…)", "the sheet holds text but no figures (a cover or notes page)"];
  return [
    "có số liệu nhưng không có dòng tiêu đề cột nào gọi tên cột kế hoạch, thực hiện, cùng kỳ hay một năm (ví dụ “Kế hoạch năm 2024”, “Thực hiện”, “2023”); hãy thêm dòng tiêu đề cột phía trên số liệu",
    "figures, but no header row naming a plan, actual, same-period or year column above them",
  ];
}

function skipped(name: string, reason: string, reasonEn: string): SheetReport {
  return { name, status: "skipped", reason, reasonEn };
}

function workbookReportYear(resolved: Array<ResolvedColumns | null>, option: number | null): { year: number | null; source: YearSource } {
  if (option !== null) return { year: option, source: "option" };
  const rank = { title: 0, header: 1, "sheet-name": 2, option: -1 } as const;
  const votes = new Map<number, { count: number; best: number; source: YearSource }>();
  for (const r of resolved) {
    if (!r || r.reportYear === null || r.yearSource === null) continue;
    const v = votes.get(r.reportYear) ?? { count: 0, best: 9, source: r.yearSource };
    v.count++;
    if (rank[r.yearSource] < v.best) {
      v.best = rank[r.yearSource];
      v.source = r.yearSource;
    }
    votes.set(r.reportYear, v);
  }
  let year: number | null = null;
  let winner: { count: number; best: number; source: YearSource } | null = null;
  for (const [y, v] of votes) {
    if (
      !winner ||
      v.best < winner.best ||
      (v.best === winner.best && v.count > winner.count) ||
      (v.best === winner.best && v.count === winner.count && y > (year ?? 0))
    ) {
      winner = v;
      year = y;
    }
  }
  return { year, source: winner?.source ?? null };
}
