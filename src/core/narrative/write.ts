// The narrative writer: one sentence per indicator in the style of the published reports, and the
// summary sentence. Deterministic (the same analysis gives the same text), rounded as the table
// shows, Vietnamese separators whatever Excel's locale. Rates move in points, an index of 200 or
// more is "gấp X lần", the comparison year is named, the evaluation respects the direction.

import { formatCompact, roundTo } from "../model/numbers";
import type { Period } from "../model/period";
import { fold } from "../model/text";
import type { Analysis, Indicator, SheetReport } from "../model/indicator";

/** What a sentence needs to know about the sheet its indicator comes from. */
export interface SheetWording {
  reportYear: number | null;
  period: Period | null;
  /** The actual is an estimate ("Ước thực hiện"): "ước đạt". */
  estimate: boolean;
  /** "kế hoạch" or "dự toán", as the plan column says. */
  planWord: string;
  /** Decimals the sheet shows for an indicator's actual figure. */
  decimals(indicator: Indicator): number;
}

export function sheetWording(
  report: SheetReport | undefined,
  reportYear: number | null,
  decimals: (indicator: Indicator) => number,
): SheetWording {
  const header = (role: string) => fold(report?.columns?.find((c) => c.role === role)?.header ?? "");
  return {
    reportYear: report?.reportYear ?? reportYear,
    period: report?.period ?? null,
    estimate: /^uoc|\buoc (tinh|thuc hien|dat|th)\b/.test(header("actual")),
    planWord: /du toan/.test(header("plan")) ? "dự toán" : "kế hoạch",
    decimals,
  };
}

const percent = (value: number) => formatCompact(roundTo(value, 1), 1);
const points = (value: number) => formatCompact(roundTo(value, 2), 2);

/** "6 tháng đầu năm 2020", "quý II năm 2021", "năm 2021": the period with its year, for titles. */
export function periodWithYear(period: Period | null, year: number | null): string {
  const phrase = periodPhrase(period, year);
  if (!period || period.months === 12 || year === null) return phrase;
  return period.kind === "months" ? `${phrase} ${year}` : `${phrase} năm ${year}`;
}

/** "6 tháng đầu năm", "quý II", "tháng 5", or "năm 2021" for a whole year. */
export function periodPhrase(period: Period | null, year: number | null): string {
  if (!period || period.months === 12) return year ? `năm ${year}` : "cả năm";
  // "quý II", "tháng 5" as the period names itself; cumulative months are "from the start of the year".
  return period.kind === "months" ? `${period.months} tháng đầu năm` : period.label;
}

/** "tỷ đồng" for "Tỷ đồng", but "USD", "GRDP" and "%" as written. */
export function unitWords(unit: string): string {
  const u = unit.trim();
  const first = u.split(/\s+/)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return u;
  return u.charAt(0).toLowerCase() + u.slice(1);
}

function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return unit === "%" ? `${value}%` : `${value} ${unitWords(unit)}`;
}

function comparedTo(wording: SheetWording): string {
  const year = wording.reportYear === null ? null : wording.reportYear - 1;
  const whole = !wording.period || wording.period.months === 12;
  if (year === null) return "so với cùng kỳ năm trước";
  return whole ? `so với năm ${year}` : `so với cùng kỳ năm ${year}`;
}

function evaluationPhrase(indicator: Indicator, planWord: string): string | null {
  switch (indicator.evaluation) {
    case "Vượt":
      return `vượt ${planWord}`;
    case "Đạt":
      return `đạt ${planWord}`;
    case "Không đạt":
      return `không đạt ${planWord}`;
    default:
      return null;
  }
}

/** The change on the same period: "tăng 6%", "giảm 27%", "gấp 2,5 lần", "tương đương". */
function growthClause(index: number, wording: SheetWording): string {
  const against = comparedTo(wording);
  if (index >= 200) return `gấp ${formatCompact(roundTo(index / 100, 2), 2)} lần ${against}`;
  const growth = index - 100;
  if (roundTo(Math.abs(growth), 1) === 0) return `tương đương ${against.replace(/^so với /, "")}`;
  return `${growth > 0 ? "tăng" : "giảm"} ${percent(Math.abs(growth))}% ${against}`;
}

function pointsClause(change: number, unit: string, wording: SheetWording): string {
  const against = comparedTo(wording);
  if (roundTo(Math.abs(change), 2) === 0) return `bằng ${against.replace(/^so với /, "")}`;
  const amount = unit === "%" ? `${points(Math.abs(change))} điểm phần trăm` : withUnit(points(Math.abs(change)), unit);
  return `${change > 0 ? "tăng" : "giảm"} ${amount} ${against}`;
}

/** One sentence for one indicator, or null when it has no figure for the period. */
export function indicatorSentence(indicator: Indicator, wording: SheetWording): string | null {
  if (indicator.actual === null) return null;
  const when = periodPhrase(wording.period, wording.reportYear);
  // A lower-is-better rate "còn" X when it fell, is "ở mức" X when it did not; anything else "đạt".
  const lowerRate = indicator.direction === "lower" && indicator.kind === "rate";
  const base = lowerRate ? ((indicator.changePoints ?? 0) < 0 ? "còn" : "ở mức") : "đạt";
  const verb = wording.estimate ? `ước ${base}` : base;
  const clauses: string[] = [];
  let head: string;
  if (indicator.measure === "index" && indicator.kind !== "absolute") {
    // An index with the previous year = 100 is itself the comparison: "tăng 5,2% so với cùng kỳ".
    head = `${indicator.name} ${when} ${growthClause(indicator.actual, wording)}`;
  } else {
    // As the table shows it (at most 2 decimals), without zeros that say nothing ("179.014 tấn").
    const decimals = Math.min(2, wording.decimals(indicator));
    head = `${indicator.name} ${when} ${verb} ${withUnit(formatCompact(roundTo(indicator.actual, decimals), decimals), indicator.unit)}`;
    if (indicator.kind === "absolute") {
      if (indicator.planPercent !== null)
        clauses.push(`${indicator.planPercent < 100 ? "bằng" : "đạt"} ${percent(indicator.planPercent)}% ${wording.planWord}`);
      if (indicator.index !== null) clauses.push(growthClause(indicator.index, wording));
    } else if (indicator.changePoints !== null) {
      clauses.push(pointsClause(indicator.changePoints, indicator.unit, wording));
    }
  }
  const evaluation = evaluationPhrase(indicator, wording.planWord);
  if (evaluation) clauses.push(evaluation);
  return `${[head, ...clauses].join(", ")}.`;
}

/** Counts in the summary: "01 chỉ tiêu", as the reports write them. */
function count(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : String(n);
}

function names(indicators: Indicator[]): string {
  return indicators.map((i) => i.name).join("; ");
}

/**
 * The summary sentence. For a whole year: how many indicators reached their plan ("đạt và vượt")
 * and which did not. For part of a year: how many are at or past the elapsed share of the plan.
 * It counts the indicators narrated; those `withheld` (left out for an error in their figures)
 * are said to be left out of the count, never silently dropped from it.
 */
export function summarySentence(
  analysis: Analysis,
  indicators: readonly Indicator[],
  wording: (indicator: Indicator) => SheetWording,
  withheld: readonly Indicator[] = [],
): string | null {
  const evaluated = indicators.filter((i) => i.evaluation !== null);
  const notCounted = (n: number) => (n > 0 ? ` (chưa tính ${count(n)} chỉ tiêu có lỗi số liệu)` : "");
  if (evaluated.length > 0) {
    const estimate = evaluated.some((i) => wording(i).estimate) ? "ước có " : "có ";
    const reached = evaluated.filter((i) => i.evaluation !== "Không đạt");
    const beyond = reached.filter((i) => i.evaluation === "Vượt").length;
    const missed = evaluated.filter((i) => i.evaluation === "Không đạt");
    const left = withheld.filter((i) => i.evaluation !== null).length;
    let text = `Trong ${evaluated.length} chỉ tiêu chủ yếu có kế hoạch${notCounted(left)}, ${estimate}${count(reached.length)} chỉ tiêu đạt và vượt kế hoạch`;
    if (beyond > 0) text += ` (${count(beyond)} chỉ tiêu vượt)`;
    text += missed.length > 0 ? `, ${count(missed.length)} chỉ tiêu không đạt: ${names(missed)}.` : ".";
    return text;
  }
  const isPaced = (i: Indicator) => i.kind === "absolute" && i.planPercent !== null && wording(i).period !== null;
  const paced = indicators.filter(isPaced);
  if (paced.length === 0) return null;
  const period = wording(paced[0]).period as Period;
  const share = (period.months / 12) * 100;
  const behind = paced.filter((i) => (i.planPercent as number) < share);
  const onPace = paced.length - behind.length;
  let text = `Trong ${paced.length} chỉ tiêu có kế hoạch năm${notCounted(withheld.filter(isPaced).length)}, ${onPace === 0 ? "chưa có chỉ tiêu nào" : `${count(onPace)} chỉ tiêu`} đạt từ ${percent(share)}% kế hoạch trở lên (tiến độ ${periodPhrase(period, analysis.reportYear)})`;
  text += behind.length > 0 ? `, ${count(behind.length)} chỉ tiêu đạt dưới ${percent(share)}%: ${names(behind)}.` : ".";
  return text;
}
