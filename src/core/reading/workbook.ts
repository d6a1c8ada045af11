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
import type { WorkbookSnapshot } from "../model/snapshot";
import { findHeader, resolveColumns, type ResolvedColumns } from "./layout";
import { readSheet } from "./sheet";

export interface ReadOptions {
  /** The report year; inferred from titles and headers when absent. */
  reportYear?: number | null;
  /** Only this sheet (by name). */
  sheet?: string | null;
  /** The reporting period, when the official sets it; read from titles and headers when absent. */
  period?: Period | null;
  catalogue?: Catalogue;
  evaluation?: EvaluationOptions;
}

export function readIndicators(workbook: WorkbookSnapshot, options: ReadOptions = {}): WorkbookReading {
  const matcher = new CatalogueMatcher(options.catalogue ?? DEFAULT_CATALOGUE);
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
    if (ownSheets.has(sheet.name)) return { sheet, header: null, resolved: null };
    const header = findHeader(sheet);
    return { sheet, header, resolved: header ? resolveColumns(header, sheet.name, yearOption) : null };
  });
  const { year: workbookYear, source: workbookYearSource } = workbookReportYear(
    headed.map((h) => h.resolved),
    yearOption,
  );

  const reports: SheetReport[] = [];
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  const tables: IndicatorSheet[] = [];
  for (const { sheet, header, resolved: own } of headed) {
    const ownReason = ownSheets.get(sheet.name);
    if (ownReason) {
      reports.push(skipped(sheet.name, ownReason[0], ownReason[1]));
      continue;
    }
    if (!header || !own) {
      reports.push(
        skipped(
          sheet.name,
          "không có dòng tiêu đề cột của biểu chỉ tiêu (STT, Chỉ tiêu, Kế hoạch, Thực hiện…)",
          "no indicator table header found",
        ),
      );
      continue;
    }
    const columns = own.reportYear === null && workbookYear !== null ? resolveColumns(header, sheet.name, workbookYear) : own;
    const resolved = options.period === undefined ? columns : { ...columns, period: options.period };
    const read = readSheet(sheet, header, resolved, matcher, evaluationOptions);
    if ("skip" in read) {
      reports.push(skipped(sheet.name, read.skip, read.skipEn));
      continue;
    }
    // A loop, not push(...spread): a sheet may hold more rows than a call takes arguments.
    for (const indicator of read.indicators) indicators.push(indicator);
    for (const finding of read.findings) findings.push(finding);
    tables.push({
      sheet,
      reportYear: resolved.reportYear,
      period: resolved.period,
      titleCells: header.titleCells,
      columns: resolved.columns,
      indicators: read.indicators,
    });
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
      columns: resolved.columns.map(({ letter, header: h, role, year }) => ({ letter, header: h, role, year })),
      numberStyle: read.style,
      indicatorCount: read.indicators.length,
    });
  }
  return { reportYear: workbookYear, reportYearSource: workbookYearSource, sheets: reports, tables, indicators, findings };
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
