// Reads one indicator sheet, its header found and its columns resolved, into indicators: each
// data row (or each line of a stacked row) with its label, unit and figures, placed in the
// hierarchy of groups and breakdowns, profiled by the catalogue and computed.

import type { CatalogueMatcher, IndicatorProfile } from "../model/catalogue";
import { compute, type EvaluationOptions } from "../model/compute";
import { cellList, type Finding } from "../model/findings";
import type { ColumnInfo, ColumnRole, Indicator, SeriesPoint } from "../model/indicator";
import { formatCompact, parseNumberText, type NumberStyle } from "../model/numbers";
import { planBasis, pointTarget, type PlanTarget } from "../model/plan";
import { cellText, columnLetters, isBlank, parseAddress, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { fold, tidy } from "../model/text";
import { parseUnit, type Unit } from "../model/units";
import { EMPTY, readFigure, readFigureText, settleByMagnitude, swapReading, type Reading } from "./figures";
import { FIGURE_ROLES, isProvisionalColumn, isYearColumn, type HeaderBlock, type ResolvedColumns } from "./layout";
import { buildTree, readRowLabel, type TreeInput, type TreeNode } from "./rows";
import { stackedLines } from "./stacked";

export interface SheetRead {
  /** The columns with their roles, those their cells decide included ("Ghi chú" holding Đạt / Không đạt). */
  columns: ColumnInfo[];
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

const FOOTER =
  /^(ghi chu\s*[:.]|ghi chu$|nguon\s*:|nguon so lieu|nguoi lap|nguoi ky|thu truong|kt\.|tm\.|\(\*\)|\*\s|luu y\s*:|chu thich\s*:)/;
const EVALUATION_WORDS = /^(dat|vuot|khong dat|chua dat|hoan thanh|khong hoan thanh|chua hoan thanh)\b/;
/** A table of growth rates: its title names one ("Tốc độ tăng GRDP (%)", "Tăng trưởng kinh tế các quý"). */
const GROWTH_TABLE = /^(\d+\s+)?(toc do (tang|phat trien)|tang truong)\b|\|\s*(toc do (tang|phat trien)|tang truong)\b/;
/** A table of indices: a caption or title "Năm trước = 100", "Chỉ số …". */
const INDEX_TABLE = /=\s*100\b|^\d*\s*chi so\b|\|\s*chi so\b/;
const NO_CELLS: readonly string[] = Object.freeze([]);
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];
/** Lines of a stacked row are keyed below this in the tree: row × LINES + line. */
const LINES = 64;

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

/**
 * Columns are named by their headers, but some say what they hold only by their cells: a
 * comparison or notes column filled with "Đạt", "Vượt 38,07%" is the evaluation; an "Đánh giá"
 * column filled with agency names is notes.
 */
function refineByContent(columns: ColumnInfo[], sheet: SheetSnapshot, dataStart: number): ColumnInfo[] {
  const share = (col: number) => {
    let words = 0;
    let filled = 0;
    const end = Math.min(sheet.values.length, dataStart + 300);
    for (let r = dataStart; r < end; r++) {
      const v = sheet.values[r]?.[col];
      if (isBlank(v) || typeof v === "number") {
        if (typeof v === "number") filled++;
        continue;
      }
      filled++;
      if (EVALUATION_WORDS.test(fold(cellText(v)))) words++;
    }
    return filled === 0 ? null : words / filled;
  };
  const hasEvaluation = columns.some((c) => c.role === "evaluation" && (share(c.col) ?? 1) >= 0.5);
  return columns.map((c) => {
    if (c.role === "evaluation") {
      const s = share(c.col);
      return s !== null && s < 0.2 ? { ...c, role: "notes" } : c;
    }
    if (hasEvaluation || !["statedPlanPercent", "statedComparison", "notes", "otherPlan", "unknown"].includes(c.role)) return c;
    const s = share(c.col);
    return s !== null && s >= 0.5 ? { ...c, role: "evaluation" } : c;
  });
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
  /** 0-based sheet row. */
  sheetRow: number;
  line: number;
  name: string;
  unit: string;
  plan: Reading;
  actual: Reading;
  previous: Reading;
  statedPlan: Reading;
  statedPrevious: Reading;
  evaluation: string | null;
  /** One reading per year column of a series table; null when the table is no series. */
  series: Reading[] | null;
}

const END_OF_TABLE = "end";

/** The columns a row's figures are read from, in one place for plain and stacked rows. */
interface FigureColumns {
  plan?: ColumnInfo;
  actual?: ColumnInfo;
  previous?: ColumnInfo;
  statedPlan?: ColumnInfo;
  statedPrevious?: ColumnInfo;
  years: ColumnInfo[];
}

function figureColumnList(f: FigureColumns): Array<ColumnInfo | undefined> {
  return [f.plan, f.actual, f.previous, f.statedPlan, f.statedPrevious, ...f.years];
}

/** How many of a row's figures were typed as text in the given style. */
function textsWritten(d: RowDraft, style: NumberStyle): number {
  let n =
    (d.plan.written === style ? 1 : 0) +
    (d.actual.written === style ? 1 : 0) +
    (d.previous.written === style ? 1 : 0) +
    (d.statedPlan.written === style ? 1 : 0) +
    (d.statedPrevious.written === style ? 1 : 0);
  if (d.series) for (const s of d.series) if (s.written === style) n++;
  return n;
}

interface SheetPlace {
  sheet: SheetSnapshot;
  roles: Roles;
  figures: FigureColumns;
  indicatorCol: number;
  tableUnit: string | null;
}

/** Adds the drafts of one row to `out`: one, several for a stacked row, none for a row to pass over; false at the table's end. */
function readRow(p: SheetPlace, r: number, out: RowDraft[]): boolean {
  const { sheet, roles, figures } = p;
  const rowValues = sheet.values[r];
  if (!rowValues || isBlankRow(rowValues)) return true;
  const formats = sheet.numberFormats?.[r];
  const nameCell = rowValues[p.indicatorCol];
  const columns = typeof nameCell === "string" && nameCell.includes("\n") ? figureColumnList(figures) : null;
  const stacked = columns
    ? stackedLines(
        nameCell,
        columns.map((c) => (c ? rowValues[c.col] : undefined)),
      )
    : null;
  const unitCell = roles.unit ? tidy(cellText(rowValues[roles.unit.col])) : "";
  const evaluation = roles.evaluation ? tidy(cellText(rowValues[roles.evaluation.col])) || null : null;
  const orderCell = cellText(roles.order ? rowValues[roles.order.col] : undefined);

  if (!stacked || !columns) {
    const at = (c: ColumnInfo | undefined, unit: Unit | null) => (c ? readFigure(rowValues[c.col], formats?.[c.col], unit) : EMPTY);
    const draft = makeDraft(p, r, 0, orderCell, cellText(nameCell), unitCell, evaluation, at);
    if (draft === END_OF_TABLE) return false;
    if (draft) out.push(draft);
    return true;
  }
  // A stacked row: each line a row of its own; a line in brackets with no figure continues the name above it.
  const first = out.length;
  for (const line of stacked) {
    const values = new Map(columns.map((c, i) => [c, line.values[i]] as const));
    const empty = line.values.every((v) => v === "");
    const previous = out.length > first ? out[out.length - 1] : undefined;
    if (empty && previous && /^\(.*\)$/.test(line.name)) {
      previous.name = `${previous.name} ${line.name}`;
      continue;
    }
    const draft = makeDraft(
      p,
      r,
      line.line,
      line.line === 0 ? orderCell : "",
      line.name,
      unitCell,
      empty ? null : evaluation,
      (c, unit) => {
        const text = c ? values.get(c) : undefined;
        return text ? readFigureText(text, unit, "vi") : EMPTY;
      },
    );
    if (draft && draft !== END_OF_TABLE) out.push(draft);
  }
  return true;
}

function unitOf(unit: string) {
  return unit === "" ? null : parseUnit(unit);
}

/** One row or line as read: its label, unit and figures; null for a line to pass over. */
function makeDraft(
  p: SheetPlace,
  r: number,
  line: number,
  orderCell: string,
  nameText: string,
  unitCell: string,
  evaluation: string | null,
  figureAt: (c: ColumnInfo | undefined, unit: Unit | null) => Reading,
): RowDraft | null | typeof END_OF_TABLE {
  const { roles, figures } = p;
  const label = readRowLabel(orderCell, nameText);
  let name = label.name;
  let unit = unitCell;
  if (unit === "" && !roles.unit) {
    const split = unitFromName(name);
    if (split) ({ name, unit } = split);
  }
  // The unit is read once for the row: scale words in a figure ("136 tỷ") are converted to it.
  const rowUnit = unitOf(unit);
  const plan = figureAt(figures.plan, rowUnit);
  const actual = figureAt(figures.actual, rowUnit);
  const previous = figureAt(figures.previous, rowUnit);
  const series = figures.years.length >= 2 ? figures.years.map((c) => figureAt(c, rowUnit)) : null;
  const hasFigures = plan !== EMPTY || actual !== EMPTY || previous !== EMPTY || (series !== null && series.some((s) => s !== EMPTY));
  // Notes, sources and signatures under the table end it, in whichever column they are written.
  if (!hasFigures && line === 0) {
    const firstText = firstTextOf(p.sheet.values[r] ?? []);
    if (firstText !== null && FOOTER.test(fold(firstText))) return END_OF_TABLE;
  }
  if (label.name === "" && !label.marker) return null;
  // A unit line ("Đơn vị tính: Tỷ đồng") speaks for every row that has a figure and no unit of its own.
  if (unit === "" && p.tableUnit !== null && hasFigures) unit = p.tableUnit;
  return {
    row: r * LINES + Math.min(line, LINES - 1),
    sheetRow: r,
    line,
    order: label.order,
    name,
    unit,
    marker: label.marker,
    dimension: label.dimension,
    group: !hasFigures && unit === "" && !label.marker,
    named: name !== "",
    plan,
    actual,
    previous,
    statedPlan: figureAt(figures.statedPlan, rowUnit),
    statedPrevious: figureAt(figures.statedPrevious, rowUnit),
    evaluation,
    series,
  };
}

/**
 * A "0" or "0.00" among the real figures of a series is a placeholder for a figure not yet
 * known, not a fall to nothing: read as missing (and flagged by the rules).
 */
function placeholders(series: Reading[]): boolean[] {
  const present = series.filter((s) => s.value !== null);
  const nonZero = present.filter((s) => s.value !== 0);
  const zeros = present.length - nonZero.length;
  return series.map((s) => s.value === 0 && nonZero.length >= 2 && zeros <= Math.max(1, nonZero.length / 3));
}

/** The figures of a draft that a total and its components share: plan, actual, previous and each year. */
function sumFigures(d: RowDraft): Array<number | null> {
  const out = [d.plan.target ? null : d.plan.value, d.actual.value, d.previous.value];
  if (d.series) for (const s of d.series) out.push(s.value);
  return out;
}

/**
 * Rows with no order mark right under a row that their figures add up to are its components
 * ("1. Tổng giá trị gia tăng" then "Nông, lâm nghiệp…", "Công nghiệp…", "Dịch vụ" with no "Chia
 * ra"): more of their figures must add up than not, so that slips in some years are still found later.
 */
function inferComponents(tree: TreeNode[], byKey: Map<number, RowDraft>): void {
  // Most tables mark every row with an order or a breakdown: nothing to infer then.
  let unmarked = false;
  for (const d of byKey.values()) if (d.order === "" && !d.marker && !d.group) unmarked = true;
  if (!unmarked) return;
  for (let i = 0; i < tree.length - 2; i++) {
    const total = tree[i];
    const head = byKey.get(total.row);
    if (!head || head.group || tree[i + 1].parentRow === total.row) continue;
    const run: TreeNode[] = [];
    for (let j = i + 1; j < tree.length; j++) {
      const n = tree[j];
      const d = byKey.get(n.row);
      if (n.parentRow !== total.parentRow || n.level !== total.level || !d || d.group || d.order !== "" || d.marker) break;
      if (d.unit !== "" && head.unit !== "" && fold(d.unit) !== fold(head.unit)) break;
      run.push(n);
    }
    if (run.length < 2) continue;
    const totals = sumFigures(head);
    for (let k = run.length; k >= 2; k--) {
      const parts = run.slice(0, k).map((n) => sumFigures(byKey.get(n.row) as RowDraft));
      let matches = 0;
      let misses = 0;
      totals.forEach((t, f) => {
        if (t === null || t === 0 || parts.some((p) => p[f] === null || p[f] === undefined)) return;
        const sum = parts.reduce((a, p) => a + (p[f] as number), 0);
        if (Math.abs(t - sum) <= 0.005 * Math.abs(t) + 1e-9) matches++;
        else misses++;
      });
      if (matches >= 2 && matches > misses) {
        for (const n of run.slice(0, k)) {
          n.parentRow = total.row;
          n.level = total.level + 1;
          n.breakdown = "exhaustive";
          n.block = 1;
          n.inferred = true;
        }
        i += k;
        break;
      }
    }
  }
}

/** What turning a row into an indicator needs to know of its sheet. */
interface IndicatorPlace {
  sheet: SheetSnapshot;
  roles: Roles;
  figures: FigureColumns;
  indicatorCol: number;
  letters: string[];
  byKey: Map<number, RowDraft>;
  built: Map<number, Indicator>;
  ambiguousCells: Array<{ cell: string; text: string; value: number; alternative: number }>;
  wholeYear: boolean;
  indexTable: boolean;
  growthTable: boolean;
  /** The figure columns in sheet order, each with how a draft's reading of it is found. */
  tracked: Array<{ col: number; read: (d: RowDraft) => Reading | undefined }>;
  /** Which year of the series the actual and the previous columns are (−1: none). */
  actualYear: number;
  previousYear: number;
  matcher: CatalogueMatcher;
  evaluationOptions: EvaluationOptions;
}

/** The figure columns of a sheet in sheet order, once: the roles', then the years no role reads. */
function trackedColumns(figures: FigureColumns): IndicatorPlace["tracked"] {
  const roles: Array<[ColumnInfo | undefined, (d: RowDraft) => Reading]> = [
    [figures.plan, (d) => d.plan],
    [figures.actual, (d) => d.actual],
    [figures.previous, (d) => d.previous],
    [figures.statedPlan, (d) => d.statedPlan],
    [figures.statedPrevious, (d) => d.statedPrevious],
  ];
  const out: IndicatorPlace["tracked"] = [];
  for (const [col, read] of roles) if (col) out.push({ col: col.col, read });
  const seen = new Set(out.map((t) => t.col));
  figures.years.forEach((col, i) => {
    if (!seen.has(col.col)) out.push({ col: col.col, read: (d) => d.series?.[i] });
  });
  return out.sort((a, b) => a.col - b.col);
}

/** A row's profile in its table: an index table makes its rows indices; a growth rate's components are growth rates. */
function profileIn(d: RowDraft, parent: Indicator | undefined, p: IndicatorPlace): IndicatorProfile {
  const profile = p.matcher.profile(d.name, d.unit);
  if (profile.entry !== null) return profile;
  if (p.indexTable && profile.kind !== "absolute" && profile.kind !== "coefficient") return { ...profile, kind: "index", measure: "index" };
  const growth = parent?.measure === "growth" || p.growthTable;
  if (growth && profile.kind === "rate" && profile.measure !== "growth") return { ...profile, measure: "growth" };
  return profile;
}

function targetOf(r: Reading): PlanTarget | null {
  return r.target ?? (r.value !== null ? pointTarget(r.value) : null);
}

/** An indicator from its row and its place in the tree: profile, plan target, computations, cells. */
function toIndicator(d: RowDraft, node: TreeNode, p: IndicatorPlace): Indicator {
  const { figures, letters } = p;
  const parentDraft = node.parentRow === null ? undefined : p.byKey.get(node.parentRow);
  const parent = node.parentRow === null ? undefined : p.built.get(node.parentRow);
  const profile = profileIn(d, parent, p);
  const planTarget = targetOf(d.plan);
  const rowNumber = d.sheetRow + 1;
  const rowText = String(rowNumber);

  let series: SeriesPoint[] | null = null;
  let actual = d.actual.value;
  let previous = d.previous.value;
  if (d.series) {
    const flags = placeholders(d.series);
    series = d.series.map((s, i) => {
      const col = figures.years[i];
      return {
        year: col.year as number,
        header: col.header,
        value: flags[i] ? null : s.value,
        cell: letters[col.col] + rowText,
        provisional: isProvisionalColumn(col.header),
        placeholder: flags[i],
      };
    });
    // A placeholder in the actual or the previous year's column is no figure either.
    if (p.actualYear >= 0 && flags[p.actualYear]) actual = null;
    if (p.previousYear >= 0 && flags[p.previousYear]) previous = null;
  }
  const computed = compute(
    {
      kind: profile.kind,
      measure: profile.measure,
      direction: profile.direction,
      plan: planTarget,
      actual,
      actualTarget: d.actual.target,
      previous,
      wholeYear: p.wholeYear,
    },
    p.evaluationOptions,
  );

  // Figures typed as text, in sheet order; an ambiguous one ("108,987") is noted with both readings.
  let textNumbers: string[] | null = null;
  for (let t = 0; t < p.tracked.length; t++) {
    const { col, read } = p.tracked[t];
    const r = read(d);
    if (r === undefined || r.written === null) continue;
    const cell = letters[col] + rowText;
    (textNumbers ??= []).push(cell);
    if (r.alternative !== null && r.value !== null && d.line === 0)
      p.ambiguousCells.push({ cell, text: cellText(p.sheet.values[d.sheetRow]?.[col]), value: r.value, alternative: r.alternative });
  }
  const cellOf = (col: ColumnInfo | undefined) => (col ? letters[col.col] + rowText : null);

  const notes =
    d.plan.note === null && d.actual.note === null && d.previous.note === null
      ? NO_NOTES
      : [d.plan.note, d.actual.note, d.previous.note].filter((n): n is string => n !== null);
  const indicator: Indicator = {
    sheet: p.sheet.name,
    row: rowNumber,
    line: d.line,
    order: d.order,
    name: d.name,
    unit: d.unit,
    group: node.groupRow !== null ? (p.byKey.get(node.groupRow)?.name ?? null) : null,
    level: node.level,
    parentRow: parentDraft && !parentDraft.group ? parentDraft.sheetRow + 1 : null,
    parentLine: parentDraft && !parentDraft.group ? parentDraft.line : 0,
    breakdown: node.breakdown,
    breakdownBlock: node.breakdown ? node.block : null,
    breakdownInferred: node.inferred === true,
    kind: profile.kind,
    measure: profile.measure,
    direction: profile.direction,
    catalogueId: profile.entry?.id ?? null,
    plan: planTarget ? planBasis(planTarget) : null,
    planText:
      planTarget?.text ??
      d.plan.text ??
      (d.plan.note !== null ? cellText(p.sheet.values[d.sheetRow]?.[figures.plan?.col ?? -1]) || null : null),
    planTarget,
    actual,
    actualText: d.actual.text,
    actualTarget: d.actual.target,
    previous,
    previousTarget: d.previous.target,
    notes,
    series,
    planPercent: computed.planPercent,
    index: computed.index,
    growthPercent: computed.growthPercent,
    changePoints: computed.changePoints,
    planGapPoints: computed.planGapPoints,
    evaluation: computed.evaluation,
    stated: {
      planPercent: d.statedPlan.value,
      previousComparison: d.statedPrevious.value,
      previousForm: figures.statedPrevious?.form ?? null,
      evaluation: d.evaluation,
    },
    cells: {
      name: letters[p.indicatorCol] + rowText,
      unit: cellOf(p.roles.unit) ?? letters[p.indicatorCol] + rowText,
      plan: cellOf(figures.plan),
      actual: cellOf(figures.actual),
      previous: cellOf(figures.previous),
      statedPlanPercent: cellOf(figures.statedPlan),
      statedPrevious: cellOf(figures.statedPrevious),
      evaluation: cellOf(p.roles.evaluation),
    },
    textNumbers: textNumbers ?? NO_CELLS,
  };
  p.built.set(d.row, indicator);
  return indicator;
}

export function readSheet(
  sheet: SheetSnapshot,
  header: HeaderBlock,
  resolved: ResolvedColumns,
  matcher: CatalogueMatcher,
  evaluationOptions: EvaluationOptions,
): SheetRead | { skip: string; skipEn: string } {
  const dataStart = header.dataStart;
  const columns = refineByContent(resolved.columns, sheet, dataStart);
  const roles = rolesOf(columns);
  const indicatorCol = roles.indicator?.col ?? guessIndicatorColumn(sheet, dataStart, columns);
  if (indicatorCol === null)
    return {
      skip: "không tìm thấy cột tên chỉ tiêu: không cột nào bên trái các cột số liệu ghi tên chỉ tiêu",
      skipEn: "no indicator name column: no column left of the figures holds names",
    };
  const years = columns.filter((c) => c.year !== null && isYearColumn(c.header) && FIGURE_ROLES.has(c.role));
  const figures: FigureColumns = {
    plan: roles.plan,
    actual: roles.actual,
    previous: roles.previous,
    statedPlan: roles.statedPlanPercent,
    statedPrevious: roles.statedPrevious,
    years: years.length >= 2 ? years : [],
  };
  if (!figures.plan && !figures.actual && !figures.previous && figures.years.length === 0) {
    const found = columns.map((c) => `"${c.header}"`).join(", ");
    return {
      skip: `không có cột kế hoạch, thực hiện hay cùng kỳ trong các cột ${found || "(không có tiêu đề)"}`,
      skipEn: "no plan, actual or same-period column",
    };
  }
  const wholeYear = resolved.period === null || resolved.period.months === 12;
  const place: SheetPlace = { sheet, roles, figures, indicatorCol, tableUnit: header.unit };

  let viTexts = 0;
  let enTexts = 0;
  const drafts: RowDraft[] = [];
  for (let r = dataStart; r < sheet.values.length; r++) {
    const before = drafts.length;
    const more = readRow(place, r, drafts);
    for (let i = before; i < drafts.length; i++) {
      viTexts += textsWritten(drafts[i], "vi");
      enTexts += textsWritten(drafts[i], "en");
    }
    if (!more) break;
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
      if (d.series) d.series = d.series.map(swapReading);
    } else if (evidence === 0) {
      [d.plan, d.actual, d.previous] = settleByMagnitude([d.plan, d.actual, d.previous]);
      if (d.series) d.series = settleByMagnitude(d.series);
    }
  }

  const tree = buildTree(drafts);
  const byKey = new Map<number, RowDraft>();
  for (const d of drafts) byKey.set(d.row, d);
  inferComponents(tree, byKey);
  const indicators: Indicator[] = [];
  const ambiguousCells: IndicatorPlace["ambiguousCells"] = [];
  const width = columns.reduce((w, c) => Math.max(w, c.col + 1), indicatorCol + 1);
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const indexTable = INDEX_TABLE.test(fold(header.title)) || drafts.some((d) => d.group && /=\s*100\b/.test(d.name));
  const indicatorPlace: IndicatorPlace = {
    sheet,
    roles,
    figures,
    indicatorCol,
    letters,
    byKey,
    built: new Map(),
    ambiguousCells,
    wholeYear,
    indexTable,
    growthTable: GROWTH_TABLE.test(fold(header.title)),
    tracked: trackedColumns(figures),
    actualYear: figures.actual ? figures.years.indexOf(figures.actual) : -1,
    previousYear: figures.previous ? figures.years.indexOf(figures.previous) : -1,
    matcher,
    evaluationOptions,
  };
  for (let n = 0; n < tree.length; n++) {
    const d = byKey.get(tree[n].row);
    if (d && !d.group) indicators.push(toIndicator(d, tree[n], indicatorPlace));
  }

  const findings: Finding[] = [];
  if (ambiguousCells.length > 0) {
    const position = (a1: string) => parseAddress(a1) ?? { row: 0, col: 0 };
    ambiguousCells.sort((a, b) => position(a.cell).row - position(b.cell).row || position(a.cell).col - position(b.cell).col);
    findings.push(...ambiguityFindings(sheet.name, style, evidence, ambiguousCells));
  }
  return { columns, indicators, findings, style };
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
