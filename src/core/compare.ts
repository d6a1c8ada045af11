// A report against the ones before it (`chitieu compare`): each earlier report is placed as the
// same year's earlier period, the previous year's same period, the previous year's whole-year
// estimate against this year's baseline, or none of these (then only listed); indicators are
// matched by catalogue id, else by name and unit, unless the official pairs them by hand; the rules
// of src/core/rules/periods run on the matched pairs. A unit formed by a merger is compared with the
// sum of its former units' reports. Findings name their cells, each with its file and sheet.

import type { CheckResult } from "./check";
import type { Severity } from "./model/findings";
import type { Indicator, SheetReport } from "./model/indicator";
import type { Period } from "./model/period";
import { parseAddress, type WorkbookSnapshot } from "./model/snapshot";
import { fold } from "./model/text";
import { readFigure } from "./reading/figures";
import { decimalsShown, generalDecimals, valueAt } from "./rules/context";
import { renderMessage, type RenderedMessage } from "./rules/message";
import { BASELINE_DIFFERS, ESTIMATE_MOVED, MERGED_PREVIOUS, PERIOD_DECREASE, PLAN_CHANGED, SAME_PERIOD_REVISION } from "./rules/periods";
import { applyRuleConfig, DEFAULT_RULE_CONFIG, optionsFor, withDefaultOptions, type RuleConfig } from "./rules";

/** A report as compared: its file, its workbook and its check. */
export interface ComparedReport {
  /** The name shown: the file's name, or its path when two reports share a name. */
  file: string;
  /** The path as given, which a pair's or the units file's `file` may name with its folders. */
  path?: string;
  snapshot: WorkbookSnapshot;
  analysis: CheckResult;
}

/** A cell of one of the compared files. */
export interface Place {
  file: string;
  sheet: string;
  cell: string;
}

/** A finding between reports: the current report's cell first, then the earlier reports' cells it was compared with. */
export interface CrossFinding {
  rule: string;
  severity: Severity;
  message: string;
  messageEn: string;
  places: Place[];
  /** The current report's figure and the one it was compared with (none for a figure left out). */
  current: number | null;
  earlier: number | null;
}

/** How an earlier report stands to the current one. */
export type Relation = "earlier-period" | "previous-year" | "baseline" | "unrelated";

/** An indicator as the official names it to pair it by hand: any of sheet, row and name (name compared folded). */
export interface IndicatorRef {
  sheet?: string;
  row?: number;
  /** The line within a row holding several indicators stacked ("7,6\n10,4"), 0-based. */
  line?: number;
  name?: string;
}

/**
 * A pair the official sets: the current report's indicator with an earlier one's, or with none
 * (`earlier: null`: not compared). `file` limits it to one earlier report; absent, it holds for all.
 */
export interface PairOverride {
  current: IndicatorRef;
  earlier: IndicatorRef | null;
  file?: string;
}

/** An indicator of the current report paired with one of an earlier report's, and how. */
export interface IndicatorPair {
  current: { sheet: string; row: number; line: number; name: string };
  earlier: { sheet: string; row: number; line: number; name: string };
  by: "catalogue" | "name" | "override";
}

export interface EarlierReport {
  file: string;
  reportYear: number | null;
  /** "6 tháng", "quý II", "năm". */
  period: string;
  relation: Relation;
  /** Indicators of the current report matched with one of this report's. */
  matched: number;
  /** The pairs themselves, for the official to see (and to question) what was compared with what. */
  pairs: IndicatorPair[];
  /** Pairs set by hand that could not be made here, and why. */
  unresolved: UnresolvedPair[];
}

/** A unit formed by a merger, with the reports of its former units for last year's same period. */
export interface MergedUnits {
  unit: string;
  /** "2025-07-01". */
  since?: string;
  /** Every former unit (the mapping's), whether a report of it was given or not; absent: those of `formers`. */
  units?: readonly string[];
  formers: Array<{ unit: string; report: ComparedReport }>;
}

/** One former unit's figure in a merged unit's sum. */
export interface SumSource extends Place {
  unit: string;
  value: number;
}

/**
 * A merged unit's last-year figure worked out as the sum of its former units': `agrees` or
 * `differs` with the figure the report states, `proposed` where it states none, `incomplete` where a
 * former unit's report lacks the indicator (those units are listed in `missing`).
 */
export interface MergedSum {
  name: string;
  sheet: string;
  row: number;
  /** The cell of the same-period figure, when the report has that column. */
  cell: string | null;
  stated: number | null;
  sum: number | null;
  sources: SumSource[];
  missing: string[];
  status: "agrees" | "differs" | "proposed" | "incomplete";
}

export interface MergedComparison {
  unit: string;
  since: string | null;
  /**
   * Each former unit's report; `used`: the one its figures are taken from (last year's same period,
   * the first of them); `unresolved`: pairs set by hand for it that could not be made, and why.
   */
  formers: Array<{ unit: string; file: string; relation: Relation; used: boolean; unresolved: UnresolvedPair[] }>;
  /** Former units with no report of last year's same period: missing from every sum. */
  unreported: string[];
  sums: MergedSum[];
}

export interface Comparison {
  file: string;
  reportYear: number | null;
  period: string;
  earlier: EarlierReport[];
  merged: MergedComparison | null;
  /** Pairs set by hand for a file none of the earlier reports is. */
  unresolved: UnresolvedPair[];
  findings: CrossFinding[];
}

export interface CompareOptions {
  /** The rules' switches, severities and options (--config). */
  config?: RuleConfig;
  /** Pairs set by hand, before any matching. */
  pairs?: readonly PairOverride[];
  merged?: MergedUnits | null;
}

/** The period a report covers: its first indicator sheet's; null when it states none. */
export function periodOf(analysis: Pick<CheckResult, "sheets">): Period | null {
  return analysis.sheets.find((s) => s.status === "indicators")?.period ?? null;
}

/** "6 tháng 2026": a report's period and year as a message names them ("?" for what it does not state). */
export const periodAndYear = (analysis: Pick<CheckResult, "sheets" | "reportYear">): string =>
  `${periodOf(analysis)?.label ?? "?"} ${analysis.reportYear ?? "?"}`;

/** The first month a period covers: 1 for "6 tháng", "năm", "quý I", "tháng 1"; 4 for "quý II". */
const firstMonth = (p: Period) => (p.kind === "quarter" ? p.months - 2 : p.kind === "month" ? p.months : 1);

/** Cumulative from the start of the year: "6 tháng", "năm", and "quý I" or "tháng 1" (not "quý III" alone). */
const cumulative = (p: Period) => firstMonth(p) === 1;

const hasYearEstimates = (r: ComparedReport) => r.analysis.sheets.some((s) => s.columns?.some((c) => c.role === "yearEstimate"));

function relationOf(current: ComparedReport, earlier: ComparedReport): Relation {
  const [now, then] = [current.analysis.reportYear, earlier.analysis.reportYear];
  const [a, b] = [periodOf(current.analysis), periodOf(earlier.analysis)];
  if (now === null || then === null || !a || !b) return "unrelated";
  // The same year's period that ended earlier: its plan and whole-year estimate went before this
  // report's (whether its figures can be held against these is comparePair's question).
  if (now === then && b.months < a.months) return "earlier-period";
  // The same months of last year: "quý I" and "3 tháng" cover the same.
  if (then === now - 1 && a.months === b.months && firstMonth(a) === firstMonth(b)) return "previous-year";
  // A whole-year report or plan states last year as its baseline; a part-year report of last year estimated it.
  if (then === now - 1 && a.kind === "year" && hasYearEstimates(earlier)) return "baseline";
  return "unrelated";
}

export type Matched = [Indicator, Indicator, IndicatorPair["by"]];

/** A pair set by hand that was not made, and why (in both languages). */
export interface UnresolvedPair {
  pair: PairOverride;
  reason: string;
  reasonEn: string;
}

const refers = (ref: IndicatorRef, i: Indicator) =>
  (ref.sheet === undefined || ref.sheet === i.sheet) &&
  (ref.row === undefined || ref.row === i.row) &&
  (ref.line === undefined || ref.line === i.line) &&
  (ref.name === undefined || fold(ref.name) === fold(i.name));

/** The one indicator a reference names, or why there is none. */
function resolve(ref: IndicatorRef, list: readonly Indicator[]): Indicator | [string, string] {
  const found = list.filter((i) => refers(ref, i));
  if (found.length === 1) return found[0];
  return found.length === 0
    ? ["không có chỉ tiêu nào như thế", "no such indicator"]
    : [`${found.length} chỉ tiêu cùng khớp, hãy ghi rõ trang và dòng`, `${found.length} indicators match: give the sheet and row`];
}

/** Each indicator's total, for the rows a report repeats under several totals ("Khu vực nhà nước"). */
function parentsOf(list: readonly Indicator[]): Map<Indicator, Indicator> {
  const byPlace = new Map(list.map((i) => [`${i.sheet}|${i.row}|${i.line}`, i] as const));
  const parents = new Map<Indicator, Indicator>();
  for (const i of list) {
    const parent = i.parentRow === null ? undefined : byPlace.get(`${i.sheet}|${i.parentRow}|${i.parentLine}`);
    if (parent) parents.set(i, parent);
  }
  return parents;
}

/** Two totals that are one indicator: the same catalogue id, or the same name. */
const sameTotal = (a: Indicator, b: Indicator) =>
  (a.catalogueId !== null && a.catalogueId === b.catalogueId) || fold(a.name) === fold(b.name);

/**
 * The earlier report's indicator for each of the current one's: the official's pairs first (each
 * reference naming exactly one indicator, in the same unit, one-to-one; those that do not are put
 * in `unresolved` and change nothing), then the same catalogue id, else the same name, else the
 * same name under the same total; in the same unit, written alike, either way (a figure in "Triệu
 * đồng" is not compared with one in "Tỷ đồng"). A key two indicators of either report share
 * matches nothing; two sub-items under different totals ("Khu vực nhà nước" of investment and of
 * retail) are not one indicator, whatever their names.
 */
export function matchIndicators(
  current: readonly Indicator[],
  earlier: readonly Indicator[],
  overrides: readonly PairOverride[],
  unresolved: UnresolvedPair[] = [],
): Matched[] {
  const pairs: Matched[] = [];
  const set = new Set<Indicator>();
  const taken = new Set<Indicator>();
  const refuse = (pair: PairOverride, [reason, reasonEn]: [string, string]) => unresolved.push({ pair, reason, reasonEn });
  for (const o of overrides) {
    const now = resolve(o.current, current);
    if (Array.isArray(now)) refuse(o, now);
    else if (set.has(now)) refuse(o, ["chỉ tiêu này đã được ghép tay", "this indicator is already paired by hand"]);
    else if (o.earlier === null) set.add(now);
    else {
      const then = resolve(o.earlier, earlier);
      if (Array.isArray(then)) refuse(o, then);
      else if (taken.has(then))
        refuse(o, ["chỉ tiêu của báo cáo trước đã được ghép với chỉ tiêu khác", "the earlier indicator is already paired"]);
      else if (fold(then.unit) !== fold(now.unit))
        refuse(o, [`khác đơn vị tính (${now.unit} và ${then.unit})`, `units differ (${now.unit} and ${then.unit})`]);
      else {
        set.add(now);
        taken.add(then);
        pairs.push([now, then, "override"]);
      }
    }
  }
  const [parentsNow, parentsThen] = [parentsOf(current), parentsOf(earlier)];
  const keys = (i: Indicator, parents: Map<Indicator, Indicator>) => {
    const parent = parents.get(i);
    return [
      i.catalogueId ? `id:${i.catalogueId}|${fold(i.unit)}` : null,
      `name:${fold(i.name)}|${fold(i.unit)}`,
      parent ? `under:${fold(parent.name)}|${fold(i.name)}|${fold(i.unit)}` : null,
    ];
  };
  const underSameTotal = (now: Indicator, then: Indicator) => {
    const [a, b] = [parentsNow.get(now), parentsThen.get(then)];
    return !a || !b || sameTotal(a, b);
  };
  const index = (list: readonly Indicator[], parents: Map<Indicator, Indicator>) => {
    const byKey = new Map<string, Indicator | null>();
    for (const i of list) for (const k of keys(i, parents)) if (k !== null) byKey.set(k, byKey.has(k) && byKey.get(k) !== i ? null : i);
    return byKey;
  };
  const byKey = index(earlier, parentsThen);
  for (const [k, i] of index(current, parentsNow)) if (i === null) byKey.set(k, null);
  for (const i of current) {
    if (set.has(i)) continue;
    // The first key that names one indicator of the earlier report (under the same total, if both have one).
    const [found, k] = keys(i, parentsNow)
      .map((key) => [key !== null ? byKey.get(key) : undefined, key] as const)
      .find(([candidate]) => candidate && underSameTotal(i, candidate)) ?? [undefined, null];
    if (found && !taken.has(found)) {
      taken.add(found);
      pairs.push([i, found, k?.startsWith("id:") ? "catalogue" : "name"]);
    }
  }
  return pairs;
}

/** A figure of one report: the indicator, its cell and its value. */
interface Figure {
  report: ComparedReport;
  ind: Indicator;
  cell: string;
  value: number;
}

const figure = (report: ComparedReport, ind: Indicator, cell: string | null, value: number | null): Figure | null =>
  cell !== null && value !== null ? { report, ind, cell, value } : null;

/** Half a unit of the last decimal a figure shows. */
function halfUnit(f: Figure): number {
  const sheet = f.report.snapshot.sheets.find((s) => s.name === f.ind.sheet);
  const text = sheet ? valueAt(sheet, f.cell) : null;
  // A cell of figures stacked in lines ("7,6\n10,4"): the decimals of this line's figure as read.
  if (typeof text === "string" && text.includes("\n")) return 0.5 * 10 ** -generalDecimals(f.value);
  return 0.5 * 10 ** -(sheet ? decimalsShown(sheet, f.cell) : 0);
}

/** Half a unit of the last decimal either figure shows. */
const tolerance = (a: Figure, b: Figure) => Math.max(halfUnit(a), halfUnit(b)) + 1e-9;

const sheetOf = (r: ComparedReport, ind: Indicator) => r.analysis.sheets.find((s) => s.name === ind.sheet);

/** The whole-year estimate of a part-year report ("Ước cả năm"), read from its column in the indicator's row. */
function yearEstimate(report: ComparedReport, ind: Indicator): Figure | null {
  const sheet = sheetOf(report, ind);
  const column = sheet?.columns?.find((c) => c.role === "yearEstimate");
  const snapshot = report.snapshot.sheets.find((s) => s.name === ind.sheet);
  // A stacked row ("7,6\n10,4") or a table laid across has no one cell per indicator in that column.
  if (!column || !snapshot || sheet?.orientation || ind.line !== 0) return null;
  const cell = `${column.letter}${ind.row}`;
  const at = parseAddress(cell) as { row: number; col: number };
  return figure(report, ind, cell, readFigure(valueAt(snapshot, cell), snapshot.numberFormats?.[at.row]?.[at.col]).value);
}

/** The whole year as a report sees it: its actual when it covers the year, else its estimate. */
function wholeYear(report: ComparedReport, ind: Indicator): Figure | null {
  return periodOf(report.analysis)?.kind === "year" ? figure(report, ind, ind.cells.actual, ind.actual) : yearEstimate(report, ind);
}

const ADJUSTED = /dieu chinh|sua doi|chinh thuc|cap nhat|hieu chinh/;

/** Whether the report says this figure was adjusted or revised: the indicator's notes or name, or the column's header. */
function saysAdjusted(ind: Indicator, sheet: SheetReport | undefined, cell: string | null): boolean {
  const letter = cell ? /^[A-Z]+/.exec(cell)?.[0] : undefined;
  const header = sheet?.columns?.find((c) => c.letter === letter)?.header ?? "";
  return [...ind.notes, ind.name, header].some((text) => ADJUSTED.test(fold(text)));
}

const label = (p: Period | null) => p?.label ?? "chưa rõ kỳ";
const placeOf = (f: Figure): Place => ({ file: f.report.file, sheet: f.ind.sheet, cell: f.cell });

/** A finding between reports: its rule's message, its places (the current report's first) and the two figures. */
export function crossFinding(
  rule: { id: string; severity: Severity },
  text: RenderedMessage,
  places: Place[],
  current: number | null = null,
  earlier: number | null = null,
): CrossFinding {
  return { rule: rule.id, severity: rule.severity, ...text, places, current, earlier };
}

/** A finding between two figures: the current report's first. */
const between = (rule: { id: string; severity: Severity }, text: RenderedMessage, now: Figure, then: Figure) =>
  crossFinding(rule, text, [placeOf(now), placeOf(then)], now.value, then.value);

/** The findings of one pair of indicators under the relation of their reports. */
function comparePair(
  relation: Relation,
  [now, then]: [ComparedReport, ComparedReport],
  [ind, prior]: [Indicator, Indicator],
  config: RuleConfig,
  latest: boolean,
): CrossFinding[] {
  const out: CrossFinding[] = [];
  const common = { name: ind.name, file: now.file, earlierFile: then.file, earlier: label(periodOf(then.analysis)) };
  const at = (a: Figure, b: Figure) => ({ cell: a.cell, earlierCell: b.cell });
  if (relation === "earlier-period") {
    // Figures and plans from the start of the year in both ("quý III" alone holds no "6 tháng");
    // a plan or an estimate is held against the report just before this one, not one it superseded.
    const fromStart = cumulative(periodOf(now.analysis) as Period) && cumulative(periodOf(then.analysis) as Period);
    const actual = fromStart ? figure(now, ind, ind.cells.actual, ind.actual) : null;
    const priorActual = figure(then, prior, prior.cells.actual, prior.actual);
    if (ind.measure === "flow" && actual && priorActual && actual.value + tolerance(actual, priorActual) < priorActual.value) {
      const params = { ...common, ...at(actual, priorActual), later: label(periodOf(now.analysis)), unit: ind.unit };
      const text = renderMessage(PERIOD_DECREASE, "decrease", { ...params, actual: actual.value, prior: priorActual.value });
      out.push(between(PERIOD_DECREASE, text, actual, priorActual));
    }
    const plan = fromStart && latest ? figure(now, ind, ind.cells.plan, ind.plan) : null;
    const priorPlan = figure(then, prior, prior.cells.plan, prior.plan);
    if (plan && priorPlan && Math.abs(plan.value - priorPlan.value) > tolerance(plan, priorPlan)) {
      if (!saysAdjusted(ind, sheetOf(now, ind), plan.cell)) {
        const text = renderMessage(PLAN_CHANGED, "changed", {
          ...common,
          ...at(plan, priorPlan),
          plan: plan.value,
          prior: priorPlan.value,
        });
        out.push(between(PLAN_CHANGED, text, plan, priorPlan));
      }
    }
    const estimate = latest ? wholeYear(now, ind) : null;
    const priorEstimate = yearEstimate(then, prior);
    if (ind.kind === "absolute" && estimate && priorEstimate && priorEstimate.value !== 0) {
      const change = ((estimate.value - priorEstimate.value) / Math.abs(priorEstimate.value)) * 100;
      const band = optionsFor(config, ind).estimateBand as number;
      if (Math.abs(change) > band && Math.abs(estimate.value - priorEstimate.value) > tolerance(estimate, priorEstimate)) {
        const params = { ...common, ...at(estimate, priorEstimate), estimate: estimate.value, prior: priorEstimate.value, band };
        const text = renderMessage(ESTIMATE_MOVED, "moved", { ...params, change: Math.round(change * 10) / 10 });
        out.push(between(ESTIMATE_MOVED, text, estimate, priorEstimate));
      }
    }
    return out;
  }
  const previous = figure(now, ind, ind.cells.previous, ind.previous);
  const published = relation === "baseline" ? yearEstimate(then, prior) : figure(then, prior, prior.cells.actual, prior.actual);
  if (!previous || !published || Math.abs(previous.value - published.value) <= tolerance(previous, published)) return out;
  if (saysAdjusted(ind, sheetOf(now, ind), previous.cell)) return out;
  const year = then.analysis.reportYear as number;
  if (relation === "baseline") {
    const params = { ...common, ...at(previous, published), year, baseline: previous.value, published: published.value };
    out.push(between(BASELINE_DIFFERS, renderMessage(BASELINE_DIFFERS, "differs", params), previous, published));
  } else {
    const params = { ...common, ...at(previous, published), year, previous: previous.value, published: published.value };
    out.push(between(SAME_PERIOD_REVISION, renderMessage(SAME_PERIOD_REVISION, "revised", params), previous, published));
  }
  return out;
}

/** A path's folders and name, however it is written ("./2025/bao-cao.xlsx", "2025\\bao-cao.xlsx"), case aside. */
export const pathParts = (file: string) =>
  file
    .toLowerCase()
    .split(/[\\/]+/)
    .filter((part) => part !== "" && part !== ".");

/**
 * Whether a pair's `file` names this report: by its file name, whatever folder it was read from
 * and however the path is written ("2025/bao-cao.xlsx", "2025\\bao-cao.xlsx"), case aside.
 */
export function sameFileName(named: string, file: string): boolean {
  const [a, b] = [pathParts(named), pathParts(file)];
  return a.length <= b.length && a.every((part, i) => part === b[b.length - a.length + i]);
}

/** The pairs set by hand that hold for a report: those for every report, and those naming its file. */
export const pairsFor = (pairs: readonly PairOverride[], report: ComparedReport) =>
  pairs.filter((p) => p.file === undefined || sameFileName(p.file, report.path ?? report.file));

/** The pairs set by hand for a file that is none of the reports given: a typo the official must hear of. */
export const pairsForNoReport = (pairs: readonly PairOverride[], reports: readonly ComparedReport[]): UnresolvedPair[] =>
  pairs
    .filter((p) => p.file !== undefined && !reports.some((r) => sameFileName(p.file as string, r.path ?? r.file)))
    .map((pair) => ({ pair, reason: "không có báo cáo nào mang tên tệp này", reasonEn: "no report has this file name" }));

/**
 * A merged unit's last-year figures as the sums of its former units' (flows and stocks only: a rate
 * cannot be summed), each with its sources, checked against the figure the report states.
 */
function compareMerged(
  current: ComparedReport,
  merged: MergedUnits,
  pairs: readonly PairOverride[],
): { result: MergedComparison; findings: CrossFinding[] } {
  // One report per former unit, of last year's same period: another period gives no figure, a
  // second report of the same unit is not added twice.
  const taken = new Set<string>();
  const formers = merged.formers.map((f) => {
    const relation = relationOf(current, f.report);
    const used = relation === "previous-year" && !taken.has(f.unit);
    if (used) taken.add(f.unit);
    return { ...f, relation, used };
  });
  const units = merged.units ?? [...new Set(merged.formers.map((f) => f.unit))];
  const unreported = units.filter((u) => !taken.has(u));
  const matched = formers.map((f) => {
    const unresolved: UnresolvedPair[] = [];
    const byCurrent = new Map<Indicator, Indicator>();
    const found = matchIndicators(current.analysis.indicators, f.report.analysis.indicators, pairsFor(pairs, f.report), unresolved);
    for (const [ind, prior] of found) byCurrent.set(ind, prior);
    return { ...f, byCurrent, unresolved };
  });
  const sums: MergedSum[] = [];
  const findings: CrossFinding[] = [];
  for (const ind of current.analysis.indicators) {
    if (ind.kind !== "absolute" || (ind.measure !== "flow" && ind.measure !== "stock")) continue;
    const sources: Array<SumSource & { figure: Figure }> = [];
    const missing: string[] = [...unreported];
    for (const f of matched) {
      if (!f.used) continue;
      const prior = f.byCurrent.get(ind);
      const found = prior ? figure(f.report, prior, prior.cells.actual, prior.actual) : null;
      if (found) sources.push({ ...placeOf(found), unit: f.unit, value: found.value, figure: found });
      else missing.push(f.unit);
    }
    if (sources.length === 0) continue;
    const complete = missing.length === 0;
    const sum = complete ? sources.reduce((total, s) => total + s.value, 0) : null;
    const stated = figure(current, ind, ind.cells.previous, ind.previous);
    const slack = stated ? halfUnit(stated) + sources.reduce((total, s) => total + halfUnit(s.figure), 0) + 1e-9 : 0;
    const status: MergedSum["status"] =
      sum === null ? "incomplete" : !stated ? "proposed" : Math.abs(stated.value - sum) <= slack ? "agrees" : "differs";
    const shown = sources.map(({ figure: _figure, ...source }) => source);
    sums.push({
      name: ind.name,
      sheet: ind.sheet,
      row: ind.row,
      cell: ind.cells.previous,
      stated: ind.previous,
      sum,
      sources: shown,
      missing,
      status,
    });
    if (status !== "differs" || !stated || sum === null || saysAdjusted(ind, sheetOf(current, ind), stated.cell)) continue;
    const text = renderMessage(MERGED_PREVIOUS, "differs", {
      name: ind.name,
      file: current.file,
      cell: stated.cell,
      previous: stated.value,
      sum,
      units: sources.map((s) => s.unit).join(" + "),
      sources: sources.map((s) => `${s.unit}: ${s.file} ${s.cell}`).join("; "),
    });
    findings.push(crossFinding(MERGED_PREVIOUS, text, [placeOf(stated), ...sources.map((s) => placeOf(s.figure))], stated.value, sum));
  }
  return {
    result: {
      unit: merged.unit,
      since: merged.since ?? null,
      formers: matched.map((f) => ({ unit: f.unit, file: f.report.file, relation: f.relation, used: f.used, unresolved: f.unresolved })),
      unreported,
      sums,
    },
    findings,
  };
}

export function compareReports(current: ComparedReport, earlier: readonly ComparedReport[], options: CompareOptions = {}): Comparison {
  const config = withDefaultOptions(options.config ?? DEFAULT_RULE_CONFIG);
  const pairs = options.pairs ?? [];
  const findings: CrossFinding[] = [];
  // Last year's whole-year report, when given, is what this year's baseline is held against: the
  // estimate a part-year report made before it is superseded.
  const relations = earlier.map((before) => relationOf(current, before));
  const published = earlier.some((b, i) => relations[i] === "previous-year" && periodOf(b.analysis)?.kind === "year");
  // Of several reports before this one, the latest is the one its plan and estimates followed.
  const months = earlier.map((b) => periodOf(b.analysis)?.months ?? 0);
  const latestOf = (relation: Relation) => Math.max(0, ...months.filter((_, i) => relations[i] === relation));
  const [latestEarlier, latestBaseline] = [latestOf("earlier-period"), latestOf("baseline")];
  const reports = earlier.map((before, i): EarlierReport => {
    const relation = relations[i];
    const unresolved: UnresolvedPair[] = [];
    const matched = matchIndicators(current.analysis.indicators, before.analysis.indicators, pairsFor(pairs, before), unresolved);
    const superseded = relation === "baseline" && (published || months[i] < latestBaseline);
    if (relation !== "unrelated" && !superseded)
      for (const [ind, prior] of matched)
        findings.push(...comparePair(relation, [current, before], [ind, prior], config, months[i] === latestEarlier));
    return {
      file: before.file,
      reportYear: before.analysis.reportYear,
      period: label(periodOf(before.analysis)),
      relation,
      matched: matched.length,
      pairs: matched.map(([ind, prior, by]) => ({
        current: { sheet: ind.sheet, row: ind.row, line: ind.line, name: ind.name },
        earlier: { sheet: prior.sheet, row: prior.row, line: prior.line, name: prior.name },
        by,
      })),
      unresolved,
    };
  });
  const merged = options.merged ? compareMerged(current, options.merged, pairs) : null;
  if (merged) findings.push(...merged.findings);
  // The configuration's switches and severities (--config), as for every other rule.
  const configured = applyRuleConfig(config, findings);
  return {
    file: current.file,
    reportYear: current.analysis.reportYear,
    period: label(periodOf(current.analysis)),
    earlier: reports,
    merged: merged?.result ?? null,
    unresolved: pairsForNoReport(pairs, [...earlier, ...(options.merged?.formers.map((f) => f.report) ?? [])]),
    findings: configured,
  };
}
