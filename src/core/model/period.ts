// Periods and years in titles and headers: "BÁO CÁO ... 6 THÁNG ĐẦU NĂM 2020", "Ước TH 9T/2021",
// "Quý II", "CK 6T 2019", "Thực hiện năm 2020". A year belongs to the phrase it stands in: a plan
// year, a comparison year, a five-year period, a price base and a target year mean different things.

import { fold, foldKeepingOffsets } from "./text";

export type PeriodKind = "month" | "quarter" | "months" | "year";

export interface Period {
  kind: PeriodKind;
  /** Months from the start of the year to the end of the period: "6 tháng" → 6, "quý II" → 6, "tháng 5" → 5. */
  months: number;
  /** Month or quarter number, for kind "month" / "quarter". */
  index?: number;
  /** Vietnamese label: "6 tháng", "quý II", "tháng 5", "năm". */
  label: string;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_NUMERALS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** I, II, … XV as reports number quarters and sections; beyond that, the number itself. */
export function romanNumeral(n: number): string {
  return ROMAN_NUMERALS[n] ?? String(n);
}

/** The first `months` months of the year (12: the whole year). */
export function monthsPeriod(months: number): Period {
  return months === 12 ? { kind: "year", months: 12, label: "năm" } : { kind: "months", months, label: `${months} tháng` };
}

/**
 * The period a folded or raw text names, the most cumulative one first: "quý II và 6 tháng đầu
 * năm" is 6 months; "tháng 5 và 5 tháng" is 5 months; "năm 2021" is the year.
 */
export function detectPeriod(text: string): Period | null {
  const f = fold(text);
  const months = /(?:^|[^\d/.,])(\d{1,2}) ?(?:thang|t\b|t(?=\/|\d{4}|dn))/.exec(f);
  if (months) {
    const n = Number(months[1]);
    if (n >= 1 && n <= 12) return monthsPeriod(n);
  }
  // "Đến tháng 8/2020", "lũy kế đến hết tháng 10": the months from January to that one.
  const upTo = /\b(den|toi|luy ke|cong don)( den)?( het)? thang (\d{1,2})\b/.exec(f);
  if (upTo) {
    const n = Number(upTo[4]);
    if (n >= 1 && n <= 12) return monthsPeriod(n);
  }
  const quarter = /\bquy ?(iv|iii|ii|i|[1-4])\b/.exec(f) ?? /\bq([1-4])\b/.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1]] ?? Number(quarter[1]);
    return { kind: "quarter", months: q * 3, index: q, label: `quý ${romanNumeral(q)}` };
  }
  const month = /\bthang (\d{1,2})\b/.exec(f);
  if (month) {
    const m = Number(month[1]);
    if (m >= 1 && m <= 12) return { kind: "month", months: m, index: m, label: `tháng ${m}` };
  }
  if (/\b(ca nam|nam \d{4}|hang nam|nam$|^nam\b)/.test(f) || /\bnam\b/.test(f)) return { kind: "year", months: 12, label: "năm" };
  return null;
}

export type YearRole =
  /** A year that dates a figure: "năm 2020", "CK 9T/2020", "KH 2021". */
  | "dated"
  /** Part of a span: "giai đoạn 2021-2025", "2016 - 2020", "năm học 2020-2021". */
  | "span"
  /** Constant-price base: "giá so sánh 2010". */
  | "priceBase"
  /** A target horizon: "đến năm 2025", "tầm nhìn 2045", "định hướng đến năm 2030". */
  | "target"
  /** A starting point: "kể từ năm 2011", "từ năm 2015 đến nay". */
  | "since";

export interface YearMention {
  year: number;
  role: YearRole;
  /** Offset in the text (NFC), character for character. */
  index: number;
}

const YEAR = /(?<![\d.,])(19[89]\d|20\d\d|2100)(?![\d.,]\d)/g;

/** Every plausible year (1980–2100) in a text, each with the role its phrase gives it; `folded`: the text folded with foldKeepingOffsets, if at hand. */
export function yearMentions(text: string, folded?: string): YearMention[] {
  const f = folded ?? foldKeepingOffsets(text.normalize("NFC"));
  const out: YearMention[] = [];
  for (const m of f.matchAll(YEAR)) {
    const index = m.index ?? 0;
    const before = f.slice(Math.max(0, index - 40), index);
    const after = f.slice(index + 4, index + 12);
    out.push({ year: Number(m[1]), role: yearRole(before, after), index });
  }
  return out;
}

function yearRole(before: string, after: string): YearRole {
  if (/^\s*[-–—]\s*(19|20)\d\d/.test(after) || /(19|20)\d\d\s*[-–—]\s*$/.test(before)) return "span";
  if (/\b(giai doan|nhiem ky|nam hoc|thoi ky)\s*(nam\s*)?$/.test(before)) return "span";
  if (/\bgia (so sanh|ss|co dinh|goc)\s*(nam\s*)?$/.test(before) || /\bnam goc\s*$/.test(before)) return "priceBase";
  if (/\b(den|toi|tam nhin|huong toi|muc tieu)\s*(nam\s*)?$/.test(before)) return "target";
  if (/\b(ke tu|tu)\s*(nam\s*)?$/.test(before)) return "since";
  return "dated";
}

/** The years that date a figure (spans, price bases, targets and starting points left out). */
export function datedYears(text: string): number[] {
  return yearMentions(text)
    .filter((m) => m.role === "dated")
    .map((m) => m.year);
}
