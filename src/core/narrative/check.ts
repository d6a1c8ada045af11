// The narrative checker: comparison years, an index written as growth ("tăng 102,66%"), "vượt X%"
// with X ≥ 100, a rate change written with "%" instead of points, a very large growth that should
// be "gấp X lần", a growth with no unit, the arithmetic inside one claim, and — with a workbook —
// each claim against the indicator it names.

import { CatalogueMatcher, type Catalogue } from "../model/catalogue";
import { DEFAULT_CATALOGUE } from "../model/catalogueData";
import type { Severity } from "../model/findings";
import { yearMentions } from "../model/period";
import { roundingTolerance, vi } from "../rules/context";
import { comparisonYearIssues } from "../rules/years";
import { fold, foldKeepingOffsets } from "../model/text";
import { parseUnit } from "../model/units";
import { extractClaims, type Claim } from "../reading/claims";
import type { Analysis, Indicator } from "../model/indicator";

export interface TextFinding {
  rule: string;
  severity: Severity;
  /** 1-based line and column in the text. */
  line: number;
  column: number;
  excerpt: string;
  message: string;
  messageEn: string;
  expected?: number | null;
  actual?: number | null;
}

export interface TextCheck {
  reportYear: number | null;
  reportYearSource: "option" | "text" | "workbook" | null;
  claims: Claim[];
  findings: TextFinding[];
}

export interface TextCheckOptions {
  reportYear?: number | null;
  /** The workbook the text reports on, already analysed. */
  analysis?: Analysis | null;
  catalogue?: Catalogue;
}

/**
 * The year a text reports on, by votes: a year in a period phrase ("6 tháng đầu năm 2020",
 * "quý II/2021", "thực hiện năm 2021") weighs most, a comparison year ("so với cùng kỳ năm
 * 2019") votes for the year after it, a plan or task year ("kế hoạch năm 2022") weighs least.
 */
export function inferTextYear(text: string): number | null {
  const f = foldKeepingOffsets(text.normalize("NFC"));
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => votes.set(year, (votes.get(year) ?? 0) + weight);
  for (const m of yearMentions(text)) {
    if (m.role !== "dated") continue;
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    if (/(cung ky|so voi|so)\s*(nam\s*)?$/.test(before)) vote(m.year + 1, 2);
    else if (/(\d{1,2}\s*thang|quy\s*[ivx\d]+|thang\s*\d{1,2}|thuc hien|uoc|ket qua|ca nam|het)[^.;]{0,20}?(nam\s*|\/\s*)?$/.test(before))
      vote(m.year, 3);
    else if (/(ke hoach|nhiem vu|phuong huong|du toan|muc tieu|trien khai)[^.;]{0,25}(nam\s*)?$/.test(before)) vote(m.year, 0.5);
    else vote(m.year, 1);
  }
  let best: number | null = null;
  for (const [year, weight] of votes)
    if (best === null || weight > (votes.get(best) ?? 0) || (weight === votes.get(best) && year < best)) best = year;
  return best;
}

function excerptAround(text: string, offset: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, offset - 25)) + 1);
  const end = Math.min(text.length, offset + length + 1);
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function at(
  claim: Claim,
  rule: string,
  severity: Severity,
  message: string,
  messageEn: string,
  figures: { expected?: number | null; actual?: number | null } = {},
): TextFinding {
  return { rule, severity, line: claim.line, column: claim.column, excerpt: claim.excerpt, message, messageEn, ...figures };
}

/** Checks the claims of one text; with an analysed workbook, also against its figures. */
export function checkText(input: string, options: TextCheckOptions = {}): TextCheck {
  const text = input.normalize("NFC");
  const matcher = new CatalogueMatcher(options.catalogue ?? DEFAULT_CATALOGUE);
  let reportYear = options.reportYear ?? null;
  let reportYearSource: TextCheck["reportYearSource"] = reportYear !== null ? "option" : null;
  if (reportYear === null) {
    reportYear = inferTextYear(text);
    if (reportYear !== null) reportYearSource = "text";
    else if (options.analysis?.reportYear) {
      reportYear = options.analysis.reportYear;
      reportYearSource = "workbook";
    }
  }
  const claims = extractClaims(text);
  const findings: TextFinding[] = [];

  if (reportYear !== null) {
    for (const issue of comparisonYearIssues(text, reportYear)) {
      const { line, column } = lineColumn(text, issue.index);
      findings.push({
        rule: "base-year",
        severity: issue.severity,
        line,
        column,
        excerpt: excerptAround(text, issue.index, 4),
        message: issue.message,
        messageEn: issue.messageEn,
        expected: reportYear - 1,
        actual: issue.year,
      });
    }
  }

  for (const claim of claims) {
    for (const f of claimStyleFindings(claim, matcher)) findings.push(f);
  }
  for (const f of arithmeticFindings(claims)) findings.push(f);
  if (options.analysis) for (const f of workbookFindings(claims, options.analysis, matcher)) findings.push(f);

  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { reportYear, reportYearSource, claims, findings };
}

/** Kind and measure of what a claim is about, from the catalogue or the subject's head words. */
function subjectProfile(claim: Claim, matcher: CatalogueMatcher) {
  const entry = matcher.match(claim.subject);
  if (entry) return { kind: entry.kind, measure: entry.measure };
  const f = fold(claim.subject);
  if (/(^|, )chi so\b/.test(f)) return { kind: "other" as const, measure: "index" as const };
  if (/(^|, )(ty le|ty trong|co cau)\b/.test(f))
    return { kind: "rate" as const, measure: /(ty trong|co cau)/.test(f) ? ("share" as const) : ("level" as const) };
  return { kind: "absolute" as const, measure: null };
}

function claimStyleFindings(claim: Claim, matcher: CatalogueMatcher): TextFinding[] {
  const out: TextFinding[] = [];
  const profile = subjectProfile(claim, matcher);
  if (claim.kind === "growth") {
    const x = Math.abs(claim.value);
    if (claim.unitMissing) {
      out.push(
        at(
          claim,
          "missing-unit",
          "warning",
          `"${claim.excerpt}": thiếu đơn vị sau số ${vi(x)} (%, điểm phần trăm hay đơn vị của chỉ tiêu?).`,
          `"${claim.excerpt}": the number ${x} has no unit.`,
        ),
      );
      return out;
    }
    if (profile.measure === "index" && claim.value >= 100) {
      out.push(
        at(
          claim,
          "index-as-growth",
          "error",
          `${claim.subject}: "${claim.excerpt}" ghi chỉ số thành mức tăng; chỉ số ${vi(x)}% nghĩa là tăng ${vi(x - 100)}% (viết "tăng ${vi(x - 100)}%" hoặc "bằng ${vi(x)}%").`,
          `${claim.subject}: an index written as growth; ${x}% means +${(x - 100).toFixed(2)}%.`,
          { expected: x - 100, actual: x },
        ),
      );
    } else if (claim.value >= 100) {
      out.push(
        at(
          claim,
          "growth-multiple",
          "warning",
          `"${claim.excerpt}": mức tăng từ 100% trở lên nên viết "gấp ${vi(1 + x / 100, 1)} lần" cho dễ hiểu.`,
          `"${claim.excerpt}": a growth of 100% or more reads better as "${(1 + x / 100).toFixed(1)} times".`,
          { expected: 1 + x / 100, actual: x },
        ),
      );
    }
    if (profile.kind === "rate" && (profile.measure === "level" || profile.measure === "share")) {
      out.push(
        at(
          claim,
          "rate-points",
          "warning",
          `${claim.subject} là chỉ tiêu tỷ lệ: mức thay đổi nên ghi bằng "điểm phần trăm" ("${claim.value < 0 ? "giảm" : "tăng"} ${vi(x)} điểm phần trăm"), không ghi "%".`,
          `${claim.subject} is a rate: state its change in percentage points, not "%".`,
        ),
      );
    }
  }
  if (claim.kind === "exceedPercent" && claim.value >= 100) {
    out.push(
      at(
        claim,
        "exceed-percent",
        "warning",
        `"${claim.excerpt}": "vượt ${vi(claim.value)}%" nghĩa là đạt ${vi(100 + claim.value)}% kế hoạch; nếu thực hiện bằng ${vi(claim.value)}% kế hoạch thì viết "đạt ${vi(claim.value)}% kế hoạch" (vượt ${vi(claim.value - 100)}%).`,
        `"${claim.excerpt}": exceeding by ${claim.value}% means ${100 + claim.value}% of plan; if ${claim.value}% of plan is meant, say so.`,
      ),
    );
  }
  return out;
}

/** "22,4 triệu đồng (tăng 7,7%, tương ứng 1,6 triệu đồng)": 22,4 / (22,4 − 1,6) must be 107,7%. */
function arithmeticFindings(claims: Claim[]): TextFinding[] {
  const out: TextFinding[] = [];
  for (const claim of claims) {
    if (claim.kind !== "growth" || !claim.equivalent || claim.unitMissing) continue;
    const level = [...claims]
      .reverse()
      .find((c) => c.kind === "value" && c.offset < claim.offset && c.subject === claim.subject && c.unit !== "%");
    if (!level || level.scale === undefined || fold(level.unit ?? "") !== fold(claim.equivalent.unit)) continue;
    const change = (claim.equivalent.value * claim.equivalent.scale) / level.scale;
    const previous = level.value - Math.sign(claim.value) * change;
    if (previous <= 0) continue;
    const implied = ((level.value - previous) / previous) * 100;
    // Both figures are rounded: allow what their last decimals allow (d(C/(L−C)) = (hC·L + hL·C)/(L−C)²).
    const hL = 0.5 * 10 ** -level.decimals;
    const hC = (0.5 * 10 ** -claim.equivalent.decimals * claim.equivalent.scale) / level.scale;
    const slack = (100 * (hC * level.value + hL * change)) / previous ** 2;
    if (Math.abs(implied - claim.value) > Math.max(roundingTolerance(claim.decimals), slack)) {
      out.push(
        at(
          claim,
          "claim-arithmetic",
          "error",
          `${claim.subject}: ${vi(level.value)} ${level.unit} và mức thay đổi ${vi(change)} cho tốc độ ${vi(implied, 1)}%, không phải ${vi(claim.value)}%.`,
          `${claim.subject}: the level and the change stated give ${implied.toFixed(1)}%, not ${claim.value}%.`,
          { expected: implied, actual: claim.value },
        ),
      );
    }
  }
  return out;
}

/** The indicator of the workbook a claim is about: by catalogue entry, else by its name in the subject. */
function indicatorFor(claim: Claim, indicators: Indicator[], matcher: CatalogueMatcher): Indicator | null {
  const entry = matcher.match(claim.subject);
  const candidates = entry ? indicators.filter((i) => i.catalogueId === entry.id) : [];
  if (candidates.length > 0) return candidates.find((i) => i.parentRow === null) ?? candidates[0];
  const subject = fold(claim.subject);
  let best: Indicator | null = null;
  for (const ind of indicators) {
    const name = fold(ind.name);
    if (name.length >= 8 && subject.includes(name) && (!best || name.length > fold(best.name).length)) best = ind;
  }
  return best;
}

function where(ind: Indicator, cell: string | null): string {
  return `trang "${ind.sheet}"${cell ? `, ô ${cell}` : ""}`;
}

function workbookFindings(claims: Claim[], analysis: Analysis, matcher: CatalogueMatcher): TextFinding[] {
  const out: TextFinding[] = [];
  for (const claim of claims) {
    if (claim.kind === "period") continue;
    const ind = indicatorFor(claim, analysis.indicators, matcher);
    if (!ind) continue;
    const tol = roundingTolerance(claim.decimals) + (claim.hedge ? 1 : 0);
    const percentMismatch = (computed: number | null, label: string, cell: string | null) => {
      if (computed === null || Math.abs(computed - claim.value) <= tol) return;
      out.push(
        at(
          claim,
          "stated-percent",
          "error",
          `${ind.name}: văn bản ghi "${claim.excerpt}" nhưng bảng tính (${where(ind, cell)}) cho ${label} ${vi(computed, Math.max(1, claim.decimals))}.`,
          `${ind.name}: the text says "${claim.excerpt}" but the workbook gives ${computed.toFixed(2)}.`,
          { expected: computed, actual: claim.value },
        ),
      );
    };
    switch (claim.kind) {
      case "planPercent":
        if (ind.kind === "absolute") percentMismatch(ind.planPercent, "tỷ lệ so với kế hoạch", ind.cells.actual);
        break;
      case "exceedPercent":
        if (ind.kind === "absolute" && ind.planPercent !== null)
          percentMismatch(ind.planPercent - 100, "mức vượt kế hoạch (%)", ind.cells.actual);
        break;
      case "index":
        percentMismatch(ind.index, "chỉ số so với cùng kỳ", ind.cells.actual);
        break;
      case "growth":
        if (ind.kind === "absolute" && (!claim.basis || /cung ky|nam truoc|\d{4}/.test(fold(claim.basis)))) {
          // An index written as growth matches the index, not the growth.
          if (
            ind.index !== null &&
            Math.abs(ind.index - claim.value) <= tol &&
            ind.growthPercent !== null &&
            Math.abs(ind.growthPercent - claim.value) > tol
          ) {
            out.push(
              at(
                claim,
                "index-as-growth",
                "error",
                `${ind.name}: "${claim.excerpt}" là chỉ số (${vi(ind.index, 1)}%), mức tăng đúng là ${vi(ind.growthPercent, 1)}%.`,
                `${ind.name}: "${claim.excerpt}" is the index; the growth is ${ind.growthPercent.toFixed(1)}%.`,
                { expected: ind.growthPercent, actual: claim.value },
              ),
            );
          } else percentMismatch(ind.growthPercent, "tốc độ tăng so với cùng kỳ (%)", ind.cells.actual);
        }
        if (ind.kind === "rate" && ind.changePoints !== null && ind.measure !== "growth") {
          const relative = ind.previous ? ((ind.actual ?? 0) / ind.previous - 1) * 100 : null;
          const isPoints = Math.abs(ind.changePoints - claim.value) <= tol;
          const isRelative = relative !== null && Math.abs(relative - claim.value) <= tol;
          if (!isPoints && !isRelative) {
            out.push(
              at(
                claim,
                "stated-percent",
                "error",
                `${ind.name}: văn bản ghi "${claim.excerpt}" nhưng bảng tính (${where(ind, ind.cells.actual)}) cho mức thay đổi ${vi(ind.changePoints)} điểm phần trăm.`,
                `${ind.name}: the workbook gives a change of ${ind.changePoints.toFixed(2)} points.`,
                { expected: ind.changePoints, actual: claim.value },
              ),
            );
          }
        }
        break;
      case "points":
        if (
          ind.changePoints !== null &&
          (!claim.basis || /cung ky|nam truoc|\d{4}/.test(fold(claim.basis))) &&
          Math.abs(ind.changePoints - claim.value) > tol
        ) {
          out.push(
            at(
              claim,
              "stated-percent",
              "error",
              `${ind.name}: văn bản ghi "${claim.excerpt}" nhưng bảng tính (${where(ind, ind.cells.actual)}) cho ${vi(ind.changePoints)} điểm phần trăm.`,
              `${ind.name}: the workbook gives ${ind.changePoints.toFixed(2)} points.`,
              { expected: ind.changePoints, actual: claim.value },
            ),
          );
        }
        break;
      case "multiple": {
        const ratio =
          claim.basis && /ke hoach|kh\b|du toan/.test(fold(claim.basis))
            ? ind.planPercent === null
              ? null
              : ind.planPercent / 100
            : ind.index === null
              ? null
              : ind.index / 100;
        if (ratio !== null && Math.abs(ratio - claim.value) > roundingTolerance(claim.decimals)) {
          out.push(
            at(
              claim,
              "stated-percent",
              "error",
              `${ind.name}: văn bản ghi "${claim.excerpt}" nhưng bảng tính cho gấp ${vi(ratio)} lần.`,
              `${ind.name}: the workbook gives ${ratio.toFixed(2)} times.`,
              { expected: ratio, actual: claim.value },
            ),
          );
        }
        break;
      }
      case "value":
        for (const f of valueMismatch(claim, ind)) out.push(f);
        break;
      default:
        break;
    }
  }
  return out;
}

/** A figure in the text against the indicator's actual, in the text's unit and decimals. */
function valueMismatch(claim: Claim, ind: Indicator): TextFinding[] {
  if (ind.actual === null) return [];
  const unit = parseUnit(ind.unit);
  let actual: number;
  if (claim.unit === "%") {
    if (!unit.percent) return [];
    actual = ind.actual;
  } else {
    if (fold(claim.unit ?? "").split(" ")[0] !== unit.base.split(" ")[0] || claim.scale === undefined) return [];
    actual = (ind.actual * unit.scale) / claim.scale;
  }
  const v = claim.value;
  const half = 0.5 * 10 ** -claim.decimals + 1e-9 * Math.abs(v);
  const ok =
    claim.hedge === "tren" || claim.hedge === "hon"
      ? actual >= v - half && actual <= v * 1.2 + half
      : claim.hedge === "gan"
        ? actual <= v + half && actual >= v * 0.8
        : claim.hedge === "khoang" || claim.hedge === "xap xi"
          ? Math.abs(actual - v) <= Math.max(half, Math.abs(v) * 0.05)
          : Math.abs(actual - v) <= half;
  if (ok) return [];
  return [
    at(
      claim,
      "claim-value",
      "error",
      `${ind.name}: văn bản ghi "${claim.excerpt}" nhưng bảng tính (${where(ind, ind.cells.actual)}) ghi ${vi(actual, Math.max(claim.decimals, 1))} (cùng đơn vị).`,
      `${ind.name}: the text says "${claim.excerpt}" but the workbook holds ${actual}.`,
      { expected: actual, actual: v },
    ),
  ];
}
