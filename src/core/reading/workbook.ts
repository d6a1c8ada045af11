// Reads every indicator sheet of a workbook snapshot into indicators with their computations.
// Sheets that are not indicator tables (notes, cover pages) are skipped and reported as such;
// reading problems (ambiguous number texts) become findings. No rule runs here: check.ts
// composes reading, the rules and the official's ignores.

import { CatalogueMatcher, type Catalogue } from "../model/catalogue";
import { DEFAULT_CATALOGUE } from "../model/catalogueData";
import { compute, DEFAULT_EVALUATION_OPTIONS, type EvaluationOptions } from "../model/compute";
import { cellList, type Finding } from "../model/findings";
import type { ColumnInfo, ColumnRole, Indicator, IndicatorSheet, SheetReport, WorkbookReading, YearSource } from "../model/indicator";
import { formatCompact, parseNumberText, type NumberStyle, type ParsedNumber } from "../model/numbers";
import { isGeneratedSheet, isTemplateSheet } from "../model/ownSheets";
import type { Period } from "../model/period";
import { parsePlanText, planBasis, pointTarget, type PlanTarget } from "../model/plan";
import {
  cellText,
  columnLetters,
  isBlank,
  isCellError,
  parseAddress,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../model/snapshot";
import { fold, tidy } from "../model/text";
import { parseUnit } from "../model/units";
import { FIGURE_ROLES, findHeader, resolveColumns, type HeaderBlock, type ResolvedColumns } from "./layout";
import { buildTree, readRowLabel, type TreeInput, type TreeNode } from "./rows";

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

const FOOTER =
  /^(ghi chu\s*[:.]|ghi chu$|nguon\s*:|nguon so lieu|nguoi lap|nguoi ky|thu truong|kt\.|tm\.|\(\*\)|\*\s|luu y\s*:|chu thich\s*:)/;

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

interface SheetRead {
  indicators: Indicator[];
  findings: Finding[];
  style: NumberStyle;
}

type Roles = Partial<Record<ColumnRole, ColumnInfo>>;

function rolesOf(columns: ColumnInfo[]): Roles {
  const roles: Roles = {};
  for (const c of columns) if (!roles[c.role]) roles[c.role] = c;
  return roles;
}

/**
 * Finds the indicator column when no header names it (statistics offices leave it blank): the
 * column before the first figure column that holds the most labels, i.e. texts that are not figures.
 */
function guessIndicatorColumn(sheet: SheetSnapshot, dataStart: number, columns: ColumnInfo[]): number | null {
  const taken = new Set(columns.filter((c) => c.role !== "unknown").map((c) => c.col));
  const firstFigure = Math.min(...columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col));
  const counts = new Map<number, number>();
  const end = Math.min(sheet.values.length, dataStart + 200);
  for (let r = dataStart; r < end; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, firstFigure); c++) {
      const v = row[c];
      if (!taken.has(c) && typeof v === "string" && v.trim().length >= 2 && parseNumberText(v) === null && !/^[IVXLC]+\.?$/.test(v.trim()))
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [c, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && c < best)) best = c;
  return best;
}

interface Reading {
  value: number | null;
  /** The cell's text when it holds text that is not a number. */
  text: string | null;
  /** For a number typed as text: the style its text shows. */
  written: ParsedNumber["style"] | null;
  /** For an ambiguous text: the value under the other reading. */
  alternative: number | null;
}

const EMPTY: Reading = { value: null, text: null, written: null, alternative: null };
const NO_CELLS: readonly string[] = Object.freeze([]);
const percentFormats = new Map<string, boolean>();

/** Whether a number format shows its value as a percentage ("0.0%", not "0.0\"%\""); cached per format. */
export function isPercentFormat(format: string): boolean {
  let percent = percentFormats.get(format);
  if (percent === undefined) {
    percent = format.replace(/"[^"]*"/g, "").includes("%");
    percentFormats.set(format, percent);
  }
  return percent;
}

/** Reads a figure cell; an ambiguous text is read the Vietnamese way until the sheet decides. */
function readFigure(v: CellValue | undefined, numberFormat: string | null | undefined): Reading {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return EMPTY;
    // A cell shown as "44,2%" holds 0.442: the sheet means 44.2 (near the largest double, scaling overflows).
    const value = numberFormat && isPercentFormat(numberFormat) ? v * 100 : v;
    return Number.isFinite(value) ? { value, text: null, written: null, alternative: null } : EMPTY;
  }
  if (typeof v === "string") {
    if (/^\s*[-–—.x]?\s*$/.test(v)) return EMPTY;
    const parsed = parseNumberText(v, "vi");
    if (!parsed) return { value: null, text: tidy(v), written: null, alternative: null };
    return { value: parsed.value, text: null, written: parsed.style, alternative: parsed.alternative ?? null };
  }
  if (isCellError(v)) return { value: null, text: v.error, written: null, alternative: null };
  return { value: null, text: cellText(v), written: null, alternative: null };
}

function isBlankRow(row: CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** The first text of a row, wherever it is written. */
function firstTextOf(row: CellValue[]): string | null {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "string" && /\S/.test(v)) return v;
  }
  return null;
}

function swapReading(r: Reading): Reading {
  return r.alternative === null || r.value === null ? r : { ...r, value: r.alternative, alternative: r.value };
}

/** A unit written in the name when there is no unit column: "Thu NSNN (tỷ đồng)". */
function unitFromName(name: string): { name: string; unit: string } | null {
  const m = /^(.*\S)\s*\(([^()]{1,30})\)\s*$/.exec(name);
  if (!m) return null;
  const unit = parseUnit(m[2]);
  const known =
    unit.percent ||
    unit.perMille ||
    unit.points ||
    unit.scale > 1 ||
    /^(dong|usd|tan|ha|luot|nguoi|ho|xa|doanh nghiep|lao dong|km|con|du an|vu|kg|m2|m3|kwh|tieu chi|hop tac xa|bac si|giuong benh)\b/.test(
      unit.base,
    );
  return known ? { name: m[1], unit: m[2].trim() } : null;
}

interface RowDraft extends TreeInput {
  name: string;
  unit: string;
  plan: Reading;
  actual: Reading;
  previous: Reading;
  statedPlan: Reading;
  statedPrevious: Reading;
  evaluation: string | null;
}

const END_OF_TABLE = "end";

function figureAt(row: CellValue[], formats: (string | null | undefined)[] | undefined, col: ColumnInfo | undefined): Reading {
  return col ? readFigure(row[col.col], formats?.[col.col]) : EMPTY;
}

/** How many of a row's figures were typed as text in the given style. */
function textsWritten(d: RowDraft, style: NumberStyle): number {
  return (
    (d.plan.written === style ? 1 : 0) +
    (d.actual.written === style ? 1 : 0) +
    (d.previous.written === style ? 1 : 0) +
    (d.statedPlan.written === style ? 1 : 0) +
    (d.statedPrevious.written === style ? 1 : 0)
  );
}

/** One data row as read: its label, unit and figures; null for a row to pass over. */
function readDraft(
  sheet: SheetSnapshot,
  r: number,
  roles: Roles,
  indicatorCol: number,
  tableUnit: string | null,
): RowDraft | null | typeof END_OF_TABLE {
  const rowValues = sheet.values[r];
  if (!rowValues || isBlankRow(rowValues)) return null;
  const formats = sheet.numberFormats?.[r];
  const label = readRowLabel(cellText(roles.order ? rowValues[roles.order.col] : undefined), cellText(rowValues[indicatorCol]));
  const plan = figureAt(rowValues, formats, roles.plan);
  const actual = figureAt(rowValues, formats, roles.actual);
  const previous = figureAt(rowValues, formats, roles.previous);
  const hasFigures = plan !== EMPTY || actual !== EMPTY || previous !== EMPTY;
  // Notes, sources and signatures under the table end it, in whichever column they are written.
  if (!hasFigures) {
    const firstText = firstTextOf(rowValues);
    if (firstText !== null && FOOTER.test(fold(firstText))) return END_OF_TABLE;
  }
  if (label.name === "" && !label.marker) return null;
  let name = label.name;
  let unit = roles.unit ? tidy(cellText(rowValues[roles.unit.col])) : "";
  if (unit === "" && !roles.unit) {
    const split = unitFromName(name);
    if (split) ({ name, unit } = split);
  }
  // A unit line ("Đơn vị tính: Tỷ đồng") speaks for every row that has a figure and no unit of its own.
  if (unit === "" && tableUnit !== null && hasFigures) unit = tableUnit;
  return {
    row: r,
    order: label.order,
    name,
    unit,
    marker: label.marker,
    group: !hasFigures && unit === "" && !label.marker,
    named: name !== "",
    plan,
    actual,
    previous,
    statedPlan: figureAt(rowValues, formats, roles.statedPlanPercent),
    statedPrevious: figureAt(rowValues, formats, roles.statedPrevious),
    evaluation: roles.evaluation ? tidy(cellText(rowValues[roles.evaluation.col])) || null : null,
  };
}

/** What turning a row into an indicator needs to know of its sheet. */
interface IndicatorPlace {
  sheet: SheetSnapshot;
  roles: Roles;
  indicatorCol: number;
  letters: string[];
  tracked: Array<{ reading: (d: RowDraft) => Reading; col: number }>;
  byRow: Map<number, RowDraft>;
  ambiguousCells: Array<{ cell: string; text: string; value: number; alternative: number }>;
  style: NumberStyle;
  wholeYear: boolean;
  matcher: CatalogueMatcher;
  evaluationOptions: EvaluationOptions;
}

/** An indicator from its row and its place in the tree: profile, plan target, computations, cells. */
function toIndicator(d: RowDraft, node: TreeNode, p: IndicatorPlace): Indicator {
  const { roles, letters } = p;
  const profile = p.matcher.profile(d.name, d.unit);
  let planTarget: PlanTarget | null = null;
  if (d.plan.value !== null) planTarget = pointTarget(d.plan.value);
  else if (d.plan.text !== null) planTarget = parsePlanText(d.plan.text, parseUnit(d.unit), p.style);
  const computed = compute(
    {
      kind: profile.kind,
      measure: profile.measure,
      direction: profile.direction,
      plan: planTarget,
      actual: d.actual.value,
      previous: d.previous.value,
      wholeYear: p.wholeYear,
    },
    p.evaluationOptions,
  );

  const rowNumber = d.row + 1;
  const rowText = String(rowNumber);
  let textNumbers: string[] | null = null;
  for (let t = 0; t < p.tracked.length; t++) {
    const col = p.tracked[t].col;
    const r = p.tracked[t].reading(d);
    if (r.written === null) continue;
    const cell = letters[col] + rowText;
    (textNumbers ??= []).push(cell);
    if (r.alternative !== null && r.value !== null)
      p.ambiguousCells.push({ cell, text: cellText(p.sheet.values[d.row]?.[col]), value: r.value, alternative: r.alternative });
  }
  const cellOf = (col: ColumnInfo | undefined) => (col ? letters[col.col] + rowText : null);
  const parent = node.parentRow === null ? undefined : p.byRow.get(node.parentRow);
  return {
    sheet: p.sheet.name,
    row: rowNumber,
    line: 0,
    order: d.order,
    name: d.name,
    unit: d.unit,
    group: node.groupRow !== null ? (p.byRow.get(node.groupRow)?.name ?? null) : null,
    level: node.level,
    parentRow: parent && !parent.group ? parent.row + 1 : null,
    parentLine: 0,
    breakdown: node.breakdown,
    breakdownBlock: node.breakdown ? 1 : null,
    kind: profile.kind,
    measure: profile.measure,
    direction: profile.direction,
    catalogueId: profile.entry?.id ?? null,
    plan: planTarget ? planBasis(planTarget) : null,
    planText: d.plan.value === null ? d.plan.text : null,
    planTarget,
    actual: d.actual.value,
    actualText: d.actual.text,
    actualTarget: null,
    previous: d.previous.value,
    previousTarget: null,
    notes: [],
    series: null,
    planPercent: computed.planPercent,
    index: computed.index,
    growthPercent: computed.growthPercent,
    changePoints: computed.changePoints,
    planGapPoints: computed.planGapPoints,
    evaluation: computed.evaluation,
    stated: {
      planPercent: d.statedPlan.value,
      previousComparison: d.statedPrevious.value,
      previousForm: roles.statedPrevious?.form ?? null,
      evaluation: d.evaluation,
    },
    cells: {
      name: letters[p.indicatorCol] + rowText,
      plan: cellOf(roles.plan),
      actual: cellOf(roles.actual),
      previous: cellOf(roles.previous),
      statedPlanPercent: cellOf(roles.statedPlanPercent),
      statedPrevious: cellOf(roles.statedPrevious),
      evaluation: cellOf(roles.evaluation),
    },
    textNumbers: textNumbers ?? NO_CELLS,
  };
}

function readSheet(
  sheet: SheetSnapshot,
  header: HeaderBlock,
  resolved: ResolvedColumns,
  matcher: CatalogueMatcher,
  evaluationOptions: EvaluationOptions,
): SheetRead | { skip: string; skipEn: string } {
  const roles = rolesOf(resolved.columns);
  const dataStart = header.dataStart;
  const indicatorCol = roles.indicator?.col ?? guessIndicatorColumn(sheet, dataStart, resolved.columns);
  if (indicatorCol === null) return { skip: "không tìm thấy cột tên chỉ tiêu", skipEn: "no indicator name column found" };
  if (!roles.plan && !roles.actual && !roles.previous) {
    return { skip: "không có cột số liệu (kế hoạch, thực hiện hoặc cùng kỳ)", skipEn: "no figure column (plan, actual or same period)" };
  }
  const wholeYear = resolved.period === null || resolved.period.months === 12;

  let viTexts = 0;
  let enTexts = 0;
  const drafts: RowDraft[] = [];
  for (let r = dataStart; r < sheet.values.length; r++) {
    const d = readDraft(sheet, r, roles, indicatorCol, header.unit);
    if (d === END_OF_TABLE) break;
    if (d === null) continue;
    drafts.push(d);
    viTexts += textsWritten(d, "vi");
    enTexts += textsWritten(d, "en");
  }

  // The sheet's number style settles ambiguous texts ("108,987"); without evidence, the size of
  // the figures beside each one does.
  const style: NumberStyle = enTexts > viTexts ? "en" : "vi";
  const evidence = Math.max(viTexts, enTexts);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (style === "en") {
      d.plan = swapReading(d.plan);
      d.actual = swapReading(d.actual);
      d.previous = swapReading(d.previous);
      d.statedPlan = swapReading(d.statedPlan);
      d.statedPrevious = swapReading(d.statedPrevious);
    } else if (evidence === 0) {
      [d.plan, d.actual, d.previous] = settleByMagnitude([d.plan, d.actual, d.previous]);
    }
  }

  const tree = buildTree(drafts);
  const byRow = new Map(drafts.map((d) => [d.row, d] as const));
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  const ambiguousCells: Array<{ cell: string; text: string; value: number; alternative: number }> = [];
  const width = resolved.columns.reduce((w, c) => Math.max(w, c.col + 1), indicatorCol + 1);
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  // Figure columns in sheet order, so that addresses come out sorted.
  const tracked = (
    [
      [(d: RowDraft) => d.plan, roles.plan],
      [(d: RowDraft) => d.actual, roles.actual],
      [(d: RowDraft) => d.previous, roles.previous],
      [(d: RowDraft) => d.statedPlan, roles.statedPlanPercent],
      [(d: RowDraft) => d.statedPrevious, roles.statedPrevious],
    ] as Array<[(d: RowDraft) => Reading, ColumnInfo | undefined]>
  )
    .filter((t): t is [(d: RowDraft) => Reading, ColumnInfo] => t[1] !== undefined)
    .map(([reading, col]) => ({ reading, col: col.col }))
    .sort((a, b) => a.col - b.col);

  const place: IndicatorPlace = {
    sheet,
    roles,
    indicatorCol,
    letters,
    tracked,
    byRow,
    ambiguousCells,
    style,
    wholeYear,
    matcher,
    evaluationOptions,
  };
  for (let n = 0; n < tree.length; n++) {
    const d = byRow.get(tree[n].row);
    if (d && !d.group) indicators.push(toIndicator(d, tree[n], place));
  }

  if (ambiguousCells.length > 0) {
    const position = (a1: string) => parseAddress(a1) ?? { row: 0, col: 0 };
    ambiguousCells.sort((a, b) => position(a.cell).row - position(b.cell).row || position(a.cell).col - position(b.cell).col);
    findings.push(...ambiguityFindings(sheet.name, style, evidence, ambiguousCells));
  }
  return { indicators, findings, style };
}

/**
 * Reports how ambiguous number texts were read. With evidence on the sheet, one note names the
 * cells and the style; without it, each cell gets a warning to check.
 */
function ambiguityFindings(
  sheet: string,
  style: NumberStyle,
  evidence: number,
  cells: Array<{ cell: string; text: string; value: number; alternative: number }>,
): Finding[] {
  const styleVi =
    style === "vi" ? "kiểu Việt Nam (dấu chấm phân nhóm, dấu phẩy thập phân)" : "kiểu tiếng Anh (dấu phẩy phân nhóm, dấu chấm thập phân)";
  const styleEn = style === "vi" ? "Vietnamese style (dot groups, comma decimals)" : "English style (comma groups, dot decimals)";
  if (evidence > 0) {
    const first = cells[0];
    const list = cellList(cells.map((c) => c.cell));
    return [
      {
        rule: "number-format",
        severity: "info",
        sheet,
        cell: first.cell,
        message: `${cells.length} ô có số viết nhập nhằng (${list}), ví dụ "${first.text}" có thể là ${formatCompact(first.value, 3)} hoặc ${formatCompact(first.alternative, 3)}; đã đọc theo ${styleVi} vì ${evidence} ô số khác trên trang dùng kiểu này.`,
        messageEn: `${cells.length} cells hold numbers that read two ways (${list}), e.g. "${first.text}" is ${first.value} or ${first.alternative}; read in ${styleEn} because ${evidence} other number cells on the sheet use it.`,
        expected: null,
        actual: first.value,
      },
    ];
  }
  return cells.map(({ cell, text, value, alternative }) => ({
    rule: "number-format",
    severity: "warning",
    sheet,
    cell,
    message: `Ô ${cell} ghi "${text}" có thể hiểu hai cách (${formatCompact(value, 3)} hoặc ${formatCompact(alternative, 3)}); trang không có ô số nào khác cho biết kiểu viết, đã đọc là ${formatCompact(value, 3)} theo độ lớn của các số cùng dòng; hãy kiểm tra lại.`,
    messageEn: `Cell ${cell} reads "${text}", which can mean ${value} or ${alternative}; no other number on the sheet shows the style, so it was read as ${value} from the size of the figures beside it; please check.`,
    expected: null,
    actual: value,
  }));
}

/**
 * With no style evidence on the sheet, an ambiguous figure takes the reading closest in
 * magnitude to the row's other figures ("108,987" beside 100.512 and 112.400 is 108.987).
 */
function settleByMagnitude(readings: Reading[]): Reading[] {
  const others = readings
    .filter((r) => r.value !== null && r.value > 0 && r.alternative === null)
    .map((r) => Math.log10(r.value as number));
  if (others.length === 0) return readings;
  const centre = others.reduce((a, b) => a + b, 0) / others.length;
  return readings.map((r) => {
    if (r.alternative === null || r.value === null || r.value <= 0 || r.alternative <= 0) return r;
    const keep = Math.abs(Math.log10(r.value) - centre);
    const swap = Math.abs(Math.log10(r.alternative) - centre);
    return swap < keep ? swapReading(r) : r;
  });
}
