// base-year: a comparison year that cannot be right. "Cùng kỳ" is the previous year: a later year
// or the report year itself is an error, two or more years back a warning. Plan years, target
// years ("đến năm 2025"), spans ("giai đoạn 2021-2025"), price bases ("giá so sánh 2010") and
// starting points ("kể từ năm 2011") are not comparisons and are never flagged.

import type { Finding } from "../model/findings";
import { yearMentions } from "../model/period";
import { fold, foldKeepingOffsets } from "../model/text";
import { report, sheetRule, toFinding } from "./context";
import { renderMessage } from "./message";
import { defineRule } from "./record";

export const BASE_YEAR = defineRule({
  id: "base-year",
  severity: "error",
  severities: ["error", "warning"],
  scope: "both",
  name: "Năm so sánh không hợp lý",
  nameEn: "Impossible comparison year",
  description: "Năm “cùng kỳ” trong tiêu đề cột, tiêu đề biểu phải là năm trước năm báo cáo; năm sau năm báo cáo là lỗi.",
  descriptionEn:
    "The “same period” year in a column header or a table title must be the year before the report year; a year after the report year is an error.",
  options: {},
  messages: {
    samePeriodNotBefore: {
      vi: 'So sánh "cùng kỳ" năm {year} không thể đúng trong báo cáo năm {reportYear}: cùng kỳ phải là năm {previousYear}.',
      en: "A same-period comparison with {year} cannot be right in a {reportYear} report: it must be {previousYear}.",
    },
    samePeriodTwoYearsBack: {
      vi: '"Cùng kỳ" năm {year} cách năm báo cáo {reportYear} từ hai năm trở lên; cùng kỳ thường là năm {previousYear}, hãy kiểm tra.',
      en: "The same-period comparison with {year} is two or more years before the {reportYear} report; it is usually {previousYear}.",
    },
    comparedWithLater: {
      vi: "So sánh với năm {year} — sau năm báo cáo {reportYear} — không thể đúng.",
      en: "A comparison with {year}, after the report year {reportYear}, cannot be right.",
    },
    columnNotBefore: {
      vi: 'Cột "{header}" so sánh với năm {year}: cùng kỳ của báo cáo năm {reportYear} phải là năm {previousYear}.',
      en: 'Column "{header}" compares with {year}: the same period before a {reportYear} report is {previousYear}.',
    },
    columnTwoYearsBack: {
      vi: 'Cột "{header}" so sánh với năm {year}, cách năm báo cáo {reportYear} từ hai năm trở lên; hãy kiểm tra.',
      en: 'Column "{header}" compares with {year}, two or more years before the {reportYear} report; please check.',
    },
    columnFarAhead: {
      vi: 'Cột "{header}" ghi năm {year}, sau năm báo cáo {reportYear} hơn một năm.',
      en: 'Column "{header}" is dated {year}, more than a year after the report year {reportYear}.',
    },
    planYearLong: {
      vi: "Kế hoạch, nhiệm vụ của năm {year} trong báo cáo năm {reportYear}: năm này cách năm báo cáo quá xa, có thể gõ nhầm năm.",
      en: "A plan or task for {year} in a {reportYear} report: that year is far from the report year; a mistyped year?",
    },
    actualBeforeItsYear: {
      vi: 'Cột "{header}" ghi số thực hiện (ước) của năm {year}, nhưng biểu lập ngày {date}, khi năm {year} chưa bắt đầu: có lẽ đây là chỉ tiêu kế hoạch ghi nhầm thành ước thực hiện, hoặc ngày lập biểu sai.',
      en: 'Column "{header}" holds (estimated) actual figures for {year}, but the table is dated {date}, before {year} began: a plan labelled as an estimate, or a wrong date?',
    },
  },
});

/** A plan or task year further back than this from the report year is taken for a typing slip. */
const PLAN_YEAR_SPAN = 5;

export interface YearIssue {
  /** Offset of the year in the text. */
  index: number;
  year: number;
  severity: "error" | "warning";
  message: string;
  messageEn: string;
}

const SAME_PERIOD_BEFORE = /(cung ky|\bck|cung thoi ky)\s*(nam\s*)?[^\d.;]{0,12}$/;
const COMPARED_WITH_YEAR = /\bso(\s+voi)?\s*(nam\s*)?$/;
/** "tốc độ tăng 9,44% của cùng kỳ năm 2022": a past rate cited, not this report's comparison. */
const PAST_RATE_CITED = /\bcua\s+(cung ky|cung thoi ky)\s*(nam\s*)?$/;
/** A comparison with the year before, in words or by the year itself. */
const previousYearComparison = (previousYear: number) =>
  new RegExp(String.raw`\b(cung ky|so voi|so)\s+(nam truoc|nam ngoai|cung ky(?!\s*(nam\s*)?(19|20)\d\d)|(nam\s*)?${previousYear}\b)`);
/** "kế hoạch đầu tư công năm 2022 và năm 2003": a year of a plan, a budget or a task. */
const PLAN_BEFORE = /\b(ke hoach|du toan|nhiem vu|chi tieu|phuong huong)\b[^.;:\d]{0,40}(nam\s*(\d{4}\s*(va|,)\s*nam\s*)?)$/;

/** How far (characters) a sentence is read around a year: a run-on text is not one sentence. */
const SENTENCE_REACH = 300;

/** The sentence around an offset of a folded text: from the previous end mark to the next, within reach. */
function sentenceAround(folded: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < SENTENCE_REACH && !/[.!?\n]/.test(folded[start - 1])) start--;
  let end = index;
  while (end < folded.length && end - index < SENTENCE_REACH && !/[.!?\n]/.test(folded[end])) end++;
  return folded.slice(start, end);
}

/**
 * The comparison years of a text that cannot be right for the report year: "so với cùng kỳ năm
 * 2029" in a 2020 report, "CK 9T/2021" in a 2021 report, "cùng kỳ năm 2018" in 2020. Two or more
 * years back is fine when it cites a past rate ("tốc độ tăng 4,7% của cùng kỳ năm 2020") or stands
 * beside a comparison with the year before in the same sentence ("gấp 10 lần cùng kỳ năm trước
 * nhưng giảm 90,3% so với cùng kỳ năm 2019"). A plan or task year many years before the report
 * ("kế hoạch đầu tư công năm 2003" in 2022) is a slip as well.
 */
export function comparisonYearIssues(text: string, reportYear: number, folded?: string): YearIssue[] {
  const f = folded ?? foldKeepingOffsets(text.normalize("NFC"));
  const issues: YearIssue[] = [];
  const issue = (index: number, year: number, severity: YearIssue["severity"], message: { message: string; messageEn: string }) =>
    issues.push({ index, year, severity, ...message });
  for (const m of yearMentions(text, f)) {
    if (m.role !== "dated") continue;
    const before = f.slice(Math.max(0, m.index - 60), m.index);
    const y = m.year;
    const params = { year: y, reportYear, previousYear: reportYear - 1 };
    if (SAME_PERIOD_BEFORE.test(before.slice(-30))) {
      if (y >= reportYear) issue(m.index, y, "error", renderMessage(BASE_YEAR, "samePeriodNotBefore", params));
      else if (
        y <= reportYear - 2 &&
        !PAST_RATE_CITED.test(before) &&
        !previousYearComparison(reportYear - 1).test(sentenceAround(f, m.index))
      )
        issue(m.index, y, "warning", renderMessage(BASE_YEAR, "samePeriodTwoYearsBack", params));
    } else if (COMPARED_WITH_YEAR.test(before.slice(-30)) && y > reportYear) {
      issue(m.index, y, "error", renderMessage(BASE_YEAR, "comparedWithLater", params));
    } else if (y < reportYear - PLAN_YEAR_SPAN && PLAN_BEFORE.test(before)) {
      issue(m.index, y, "warning", renderMessage(BASE_YEAR, "planYearLong", params));
    }
  }
  return issues;
}

/**
 * The year a comparison header compares with: a year after its comparison mark ("TH 2021/TH 2020",
 * "so với năm 2020"); none when it compares with "năm trước" ("Tháng 10/2023 so với cùng kỳ năm
 * trước": 2023 dates the figure, not the base); else its last year ("Thực hiện 6 tháng 2019").
 */
function baseYearOf(header: string): number | null {
  const years = yearMentions(header).filter((m) => m.role === "dated");
  if (years.length === 0) return null;
  const f = foldKeepingOffsets(header.normalize("NFC"));
  const mark = [...f.matchAll(/\bso (voi|sanh)\b|\bvoi\b|\d\s*\/\s*(?=[a-z ]*\d{4})/g)].pop();
  if (mark?.index !== undefined) {
    const after = years.filter((m) => m.index > (mark.index as number));
    if (after.length > 0) return after[after.length - 1].year;
    if (/\bnam truoc\b|\bcung ky\b/.test(f.slice(mark.index))) return null;
  }
  return years[years.length - 1].year;
}

function headerIssue(header: string, year: number, reportYear: number, sameperiod: boolean): YearIssue | null {
  if (year >= reportYear) {
    return {
      index: 0,
      year,
      severity: "error",
      ...renderMessage(BASE_YEAR, "columnNotBefore", { header, year, reportYear, previousYear: reportYear - 1 }),
    };
  }
  if (sameperiod && year <= reportYear - 2) {
    return { index: 0, year, severity: "warning", ...renderMessage(BASE_YEAR, "columnTwoYearsBack", { header, year, reportYear }) };
  }
  return null;
}

/** The date a table was drawn up, from its title: "ngày 04/12/2020", "ngày 06 tháng 12 năm 2019". */
export function tableDate(title: string): { year: number; text: string } | null {
  const f = foldKeepingOffsets(title.normalize("NFC"));
  const m =
    /\bngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b/.exec(f) ??
    /\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*((?:19|20)\d\d)\b/.exec(f);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { year: Number(m[3]), text: `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${m[3]}` };
}

export const baseYear = sheetRule(BASE_YEAR, (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.sheets) {
    const reportYear = s.reportYear ?? ctx.reportYear;
    if (reportYear === null) continue;
    const sheet = s.sheet.name;
    for (const column of s.columns) {
      const samePeriod = /cung ky|\bck\b|cung thoi ky/.test(fold(column.header));
      const comparison = samePeriod || column.role === "previous" || column.role === "statedPrevious";
      let issue: YearIssue | null = null;
      if (comparison) {
        const base = baseYearOf(column.header);
        if (base !== null) issue = headerIssue(column.header, base, reportYear, samePeriod || column.role === "statedPrevious");
      } else if (column.role !== "plan" && column.role !== "otherPlan") {
        const far = yearMentions(column.header).find((m) => m.role === "dated" && m.year > reportYear + 1);
        if (far) {
          issue = {
            index: far.index,
            year: far.year,
            severity: "error",
            ...renderMessage(BASE_YEAR, "columnFarAhead", { header: column.header, year: far.year, reportYear }),
          };
        }
      }
      if (issue)
        out.push(
          toFinding(BASE_YEAR, issue, {
            sheet,
            cell: column.headerCell,
            severity: issue.severity,
            expected: reportYear - 1,
            actual: issue.year,
          }),
        );
    }
    const dated = tableDate(s.titleCells.map((t) => t.text).join(" | "));
    if (dated !== null) {
      for (const column of s.columns) {
        if (!["actual", "yearEstimate"].includes(column.role) || column.year === null || column.year <= dated.year) continue;
        out.push(
          report(
            BASE_YEAR,
            "actualBeforeItsYear",
            { header: column.header, year: column.year, date: dated.text },
            { sheet, cell: column.headerCell, severity: "warning", expected: dated.year, actual: column.year },
          ),
        );
      }
    }
    for (const t of s.titleCells) {
      for (const issue of comparisonYearIssues(t.text, reportYear))
        out.push(
          toFinding(BASE_YEAR, issue, { sheet, cell: t.cell, severity: issue.severity, expected: reportYear - 1, actual: issue.year }),
        );
    }
  }
  return out;
});
