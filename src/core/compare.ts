// A report against the ones before it (`chitieu compare`): each earlier report is placed as the
// same year's earlier period, or the previous year's same period, or neither (then only listed);
// indicators are matched by catalogue id, else by name and unit; the rules of src/core/rules/periods
// run on the matched pairs. Findings name both cells, each with its file and sheet.

import type { CheckResult } from "./check";
import type { Severity } from "./model/findings";
import type { Indicator, SheetReport } from "./model/indicator";
import type { Period } from "./model/period";
import type { WorkbookSnapshot } from "./model/snapshot";
import { fold } from "./model/text";
import { decimalsShown } from "./rules/context";
import { renderMessage } from "./rules/message";
import { PERIOD_DECREASE, PLAN_CHANGED, SAME_PERIOD_REVISION } from "./rules/periods";
import { applyRuleConfig, type RuleConfig } from "./rules";

/** A report as compared: its file, its workbook and its check. */
export interface ComparedReport {
  file: string;
  snapshot: WorkbookSnapshot;
  analysis: CheckResult;
}

/** A cell of one of the compared files. */
export interface Place {
  file: string;
  sheet: string;
  cell: string;
}

/** A finding between two reports: the current report's cell first, the earlier report's second. */
export interface CrossFinding {
  rule: string;
  severity: Severity;
  message: string;
  messageEn: string;
  places: [Place, Place];
  current: number;
  earlier: number;
}

/** How an earlier report stands to the current one. */
export type Relation = "earlier-period" | "previous-year" | "unrelated";

/** An indicator of the current report paired with one of an earlier report's, and how. */
export interface IndicatorPair {
  current: { sheet: string; row: number; name: string };
  earlier: { sheet: string; row: number; name: string };
  by: "catalogue" | "name";
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
}

export interface Comparison {
  file: string;
  reportYear: number | null;
  period: string;
  earlier: EarlierReport[];
  findings: CrossFinding[];
}

/** The period a report covers: its first indicator sheet's; null when it states none. */
function periodOf(analysis: CheckResult): Period | null {
  return analysis.sheets.find((s) => s.status === "indicators")?.period ?? null;
}

/** Cumulative from the start of the year: "6 tháng", "9 tháng", "năm" (not a month or a quarter alone). */
const cumulative = (p: Period) => p.kind === "months" || p.kind === "year";

function relationOf(current: ComparedReport, earlier: ComparedReport): Relation {
  const [now, then] = [current.analysis.reportYear, earlier.analysis.reportYear];
  const [a, b] = [periodOf(current.analysis), periodOf(earlier.analysis)];
  if (now === null || then === null || !a || !b) return "unrelated";
  // A later cumulative figure holds the earlier one: only then can it not fall ("quý III" holds no "6 tháng").
  if (now === then && cumulative(a) && cumulative(b) && b.months < a.months) return "earlier-period";
  if (then === now - 1 && a.kind === b.kind && a.months === b.months && a.index === b.index) return "previous-year";
  return "unrelated";
}

/**
 * The earlier report's indicator for each of the current one's: the same catalogue id, else the
 * same name; in the same unit, written alike, either way (a figure in "Triệu đồng" is not compared
 * with one in "Tỷ đồng"). A key two indicators of either report share matches nothing.
 */
function matchIndicators(current: readonly Indicator[], earlier: readonly Indicator[]): Array<[Indicator, Indicator, IndicatorPair["by"]]> {
  const keys = (i: Indicator) => [i.catalogueId ? `id:${i.catalogueId}|${fold(i.unit)}` : null, `name:${fold(i.name)}|${fold(i.unit)}`];
  const index = (list: readonly Indicator[]) => {
    const byKey = new Map<string, Indicator | null>();
    for (const i of list) for (const k of keys(i)) if (k !== null) byKey.set(k, byKey.has(k) && byKey.get(k) !== i ? null : i);
    return byKey;
  };
  const byKey = index(earlier);
  for (const [k, i] of index(current)) if (i === null) byKey.set(k, null);
  const pairs: Array<[Indicator, Indicator, IndicatorPair["by"]]> = [];
  for (const i of current) {
    const [byId, byName] = keys(i);
    const byCatalogue = byId !== null ? byKey.get(byId) : undefined;
    const found = byCatalogue ?? byKey.get(byName as string);
    if (found) pairs.push([i, found, byCatalogue ? "catalogue" : "name"]);
  }
  return pairs;
}

/** Half a unit of the last decimal either figure shows. */
function tolerance(
  a: { report: ComparedReport; ind: Indicator; cell: string },
  b: { report: ComparedReport; ind: Indicator; cell: string },
): number {
  const decimals = (x: typeof a) => {
    const sheet = x.report.snapshot.sheets.find((s) => s.name === x.ind.sheet);
    return sheet ? decimalsShown(sheet, x.cell) : 0;
  };
  return 0.5 * 10 ** -Math.min(decimals(a), decimals(b)) + 1e-9;
}

const ADJUSTED = /dieu chinh|sua doi|chinh thuc|cap nhat|hieu chinh/;

/** Whether the report says this figure was adjusted or revised: the indicator's notes or name, or the column's header. */
function saysAdjusted(ind: Indicator, sheet: SheetReport | undefined, cell: string | null): boolean {
  const letter = cell ? /^[A-Z]+/.exec(cell)?.[0] : undefined;
  const header = sheet?.columns?.find((c) => c.letter === letter)?.header ?? "";
  return [...ind.notes, ind.name, header].some((text) => ADJUSTED.test(fold(text)));
}

const label = (p: Period | null) => p?.label ?? "chưa rõ kỳ";

export function compareReports(current: ComparedReport, earlier: readonly ComparedReport[], config?: RuleConfig): Comparison {
  const findings: CrossFinding[] = [];
  const sheetOf = (r: ComparedReport, ind: Indicator) => r.analysis.sheets.find((s) => s.name === ind.sheet);
  const place = (r: ComparedReport, ind: Indicator, cell: string): Place => ({ file: r.file, sheet: ind.sheet, cell });
  const now = periodOf(current.analysis);
  const reports = earlier.map((before): EarlierReport => {
    const relation = relationOf(current, before);
    const then = periodOf(before.analysis);
    const pairs = matchIndicators(current.analysis.indicators, before.analysis.indicators);
    const common = { name: "", file: current.file, earlierFile: before.file, earlier: label(then) };
    /** A finding of a rule: its message, the current report's cell, the earlier report's, and both figures. */
    const add = (
      rule: { id: string; severity: Severity },
      text: { message: string; messageEn: string },
      [ind, cell, value]: [Indicator, string, number],
      [prior, priorCell, priorValue]: [Indicator, string, number],
    ) =>
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        ...text,
        places: [place(current, ind, cell), place(before, prior, priorCell)],
        current: value,
        earlier: priorValue,
      });
    for (const [ind, prior] of relation === "unrelated" ? [] : pairs) {
      const params = { ...common, name: ind.name };
      if (relation === "earlier-period") {
        const [cell, priorCell] = [ind.cells.actual, prior.cells.actual];
        if (ind.measure === "flow" && ind.actual !== null && prior.actual !== null && cell && priorCell) {
          const tol = tolerance({ report: current, ind, cell }, { report: before, ind: prior, cell: priorCell });
          if (ind.actual + tol < prior.actual) {
            const text = {
              ...params,
              later: label(now),
              actual: ind.actual,
              unit: ind.unit,
              prior: prior.actual,
              cell,
              earlierCell: priorCell,
            };
            add(
              PERIOD_DECREASE,
              renderMessage(PERIOD_DECREASE, "decrease", text),
              [ind, cell, ind.actual],
              [prior, priorCell, prior.actual],
            );
          }
        }
        const [planCell, priorPlanCell] = [ind.cells.plan, prior.cells.plan];
        if (ind.plan !== null && prior.plan !== null && planCell && priorPlanCell) {
          const tol = tolerance({ report: current, ind, cell: planCell }, { report: before, ind: prior, cell: priorPlanCell });
          if (Math.abs(ind.plan - prior.plan) > tol && !saysAdjusted(ind, sheetOf(current, ind), planCell)) {
            const text = { ...params, plan: ind.plan, prior: prior.plan, cell: planCell, earlierCell: priorPlanCell };
            add(PLAN_CHANGED, renderMessage(PLAN_CHANGED, "changed", text), [ind, planCell, ind.plan], [prior, priorPlanCell, prior.plan]);
          }
        }
      } else {
        const [cell, priorCell] = [ind.cells.previous, prior.cells.actual];
        if (ind.previous === null || prior.actual === null || !cell || !priorCell) continue;
        const tol = tolerance({ report: current, ind, cell }, { report: before, ind: prior, cell: priorCell });
        if (Math.abs(ind.previous - prior.actual) > tol && !saysAdjusted(ind, sheetOf(current, ind), cell)) {
          const year = before.analysis.reportYear as number;
          const text = { ...params, previous: ind.previous, published: prior.actual, year, cell, earlierCell: priorCell };
          add(
            SAME_PERIOD_REVISION,
            renderMessage(SAME_PERIOD_REVISION, "revised", text),
            [ind, cell, ind.previous],
            [prior, priorCell, prior.actual],
          );
        }
      }
    }
    const shown = pairs.map(([ind, prior, by]) => ({
      current: { sheet: ind.sheet, row: ind.row, name: ind.name },
      earlier: { sheet: prior.sheet, row: prior.row, name: prior.name },
      by,
    }));
    return {
      file: before.file,
      reportYear: before.analysis.reportYear,
      period: label(then),
      relation,
      matched: pairs.length,
      pairs: shown,
    };
  });
  // The configuration's switches and severities (--config), as for every other rule.
  const configured = config ? applyRuleConfig(config, findings) : findings;
  return { file: current.file, reportYear: current.analysis.reportYear, period: label(now), earlier: reports, findings: configured };
}
