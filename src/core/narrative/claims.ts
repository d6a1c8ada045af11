// Claims in Vietnamese report text: a figure with its unit, "đạt/bằng X% kế hoạch", "vượt X%",
// "tăng/giảm X% so với cùng kỳ năm YYYY", "bằng X% so với cùng kỳ", "gấp X lần", "X điểm phần
// trăm", "chiếm X%", and period labels, each with the subject it is about and its position.

import { parseNumberText, type NumberStyle } from "../model/numbers";
import { detectPeriod, yearMentions, type Period } from "../model/period";
import { fold, foldKeepingOffsets } from "../model/text";
import { splitScale } from "../model/units";

export type ClaimKind = "value" | "planPercent" | "exceedPercent" | "growth" | "index" | "multiple" | "points" | "share" | "period";

export interface Claim {
  kind: ClaimKind;
  /** What the claim is about, as written ("Giá trị sản xuất công nghiệp 6 tháng đầu năm"). */
  subject: string;
  /** The number as written (a percentage in percent). Growth and points carry their sign. */
  value: number;
  /** Decimals written. */
  decimals: number;
  /** "hơn", "trên", "gần", "khoảng", "xấp xỉ" before the number. */
  hedge: string | null;
  /** For a value: the unit after the scale words ("đồng", "USD", "lượt", "%"), and the scale. */
  unit?: string;
  scale?: number;
  /** What the claim compares with: "kế hoạch", "dự toán", "cùng kỳ", "năm trước", "tháng trước"… */
  basis?: string;
  /** The comparison year named, if any ("so với cùng kỳ năm 2019"). */
  year?: number;
  /** "tăng 9,5." with no unit after the number. */
  unitMissing?: boolean;
  /** For a growth: "tăng X% … tương đương Y (đơn vị)", the absolute change stated with it. */
  equivalent?: { value: number; decimals: number; scale: number; unit: string };
  period?: Period;
  /** Offset in the text, and its 1-based line and column. */
  offset: number;
  line: number;
  column: number;
  /** The words of the claim as written. */
  excerpt: string;
}

const NUM = String.raw`(\d[\d.,]*\d|\d)`;
const HEDGE = String.raw`(?:(hon|tren|gan|khoang|xap xi|chi|uoc|dat)\s+)?`;
const PLAN_BASIS = String.raw`(ke hoach|kh\b|du toan|chi tieu|muc tieu|nghi quyet|nq\b)`;
const COMPARED = String.raw`(?:\s*(?:\(|,)?\s*(?:so voi|so)\s+(?<cmp>[^,;.()]{0,40}))?`;

interface Pattern {
  kind: ClaimKind;
  re: RegExp;
}

// Each pattern runs on the folded clause; group 1 is a hedge or verb, the number group is named.
const PATTERNS: Pattern[] = [
  {
    kind: "planPercent",
    re: new RegExp(
      String.raw`\b(?:dat|bang|duoc|thuc hien|hoan thanh)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%\s*(?:so voi\s+|so\s+|cua\s+)?(?<basis>${PLAN_BASIS.slice(1, -1)})`,
      "gd",
    ),
  },
  {
    kind: "planPercent",
    re: new RegExp(
      String.raw`\bso\s+(?:voi\s+)?(?<basis>${PLAN_BASIS.slice(1, -1)})[^,;.%]{0,30}?\b(?:dat|bang)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%`,
      "gd",
    ),
  },
  {
    kind: "exceedPercent",
    re: new RegExp(
      String.raw`\bvuot\s+(?:muc\s+)?${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%\s*(?:so voi\s+|so\s+)?(?<basis>${PLAN_BASIS.slice(1, -1)})?`,
      "gd",
    ),
  },
  {
    kind: "index",
    re: new RegExp(String.raw`\bbang\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%\s*(?:so voi|so)\s+(?<basis>[^,;.()]{0,40})`, "gd"),
  },
  {
    kind: "points",
    re: new RegExp(
      String.raw`\b(?<dir>tang|giam|cao hon|thap hon)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s*(?:diem phan tram|diem %|diem)${COMPARED}`,
      "gd",
    ),
  },
  {
    kind: "growth",
    re: new RegExp(
      String.raw`\b(?<dir>tang|giam)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})(?<after>\s*%(?!\s*\/\s*nam)|(?=\s*[.;]?\s*$))${COMPARED}`,
      "gd",
    ),
  },
  { kind: "multiple", re: new RegExp(String.raw`\b(?:gap|tang)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s+lan${COMPARED}`, "gd") },
  { kind: "share", re: new RegExp(String.raw`\bchiem\s+(?:ty trong\s+|ty le\s+)?${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%`, "gd") },
];

const VALUE = new RegExp(
  String.raw`(?<![\d.,/])(?<n>${NUM.slice(1, -1)})(?![\d.,]*\s*(?:%|lan\b|diem))\s*(?<unit>(?:(?:nghin|ngan|van|trieu|ty|ti)\s+)*(?:dong|usd|luot(?: khach)?|tan|ha|nguoi|lao dong|doanh nghiep|hop tac xa|du an|xa|ho|con|km|kwh|m3|san pham|tieu chi|truong|benh vien|giuong|tr\.?d|ty\b|trieu\b))`,
  "g",
);
const VALUE_PERCENT = new RegExp(
  String.raw`\b(?:dat|la|con|o muc|uoc dat|uoc tinh)\s+${HEDGE}(?<n>${NUM.slice(1, -1)})\s*%(?!\s*(?:so voi|so\b|ke hoach|kh\b|du toan|chi tieu|muc tieu))`,
  "g",
);
const PERIOD_LABEL = /\b(\d{1,2}\s+thang(?:\s+dau\s+nam)?|quy\s+(?:iv|iii|ii|i|[1-4])\b|thang\s+\d{1,2}\b)/g;
const EQUIVALENT = new RegExp(
  String.raw`^\s*,?\s*(?:tuong duong|tuong ung|bang)\s+(?:voi\s+)?(?:tang\s+|giam\s+)?${HEDGE}(?<n>${NUM.slice(1, -1)})\s*(?<unit>(?:(?:nghin|ngan|van|trieu|ty|ti)\s+)*[a-z][a-z ]{0,20})`,
);
const VERB_START =
  /^\s*(?:va\s+|,\s*)?(?:uoc\s+)?(?:dat|bang|tang|giam|vuot|gap|chiem|la|con|so|duoc|thu hut|tuong duong|cao hon|thap hon)\b/;
const STATEMENT_END = /[.!?](?=\s|$)|;|\n/g;

/** The style of number texts in a document: Vietnamese unless English-style numbers dominate. */
export function documentNumberStyle(text: string): NumberStyle {
  let vi = 0;
  let en = 0;
  for (const m of text.matchAll(/\d[\d.,]*\d/g)) {
    const style = parseNumberText(m[0])?.style;
    if (style === "vi") vi++;
    else if (style === "en") en++;
  }
  return en > vi ? "en" : "vi";
}

interface LineIndex {
  lineOf(offset: number): { line: number; column: number };
}

function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    },
  };
}

/** Splits [start, end) of the text into clauses at ", " — commas inside numbers have no space. */
function clauses(folded: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (folded[i] === "," && (folded[i + 1] === " " || folded[i + 1] === "\t")) {
      out.push([from, i]);
      from = i + 1;
    }
  }
  out.push([from, end]);
  return out;
}

const LEADING_CONNECTOR = /^[\s,;:.\-–(]*(?:(?:trong do|theo do|dong thoi|ngoai ra|rieng|cu the|nhin chung|tinh chung|trong)\b[\s,:]*)?/;
const TRAILING_VERB =
  /[\s,]*(?:(?<![a-z])(?:uoc dat|uoc tinh|uoc thuc hien|du uoc|dat duoc|dat|la|uoc|con|thu hut|duoc|co|o muc)(?:\s+(?:hon|tren|gan|khoang|xap xi|duoc|muc))?)?[\s,:(]*$/;

/** The subject as written: connectors before it and the verb after it cut off, spaces tidied. */
function subjectText(text: string, folded: string, from: number, to: number): string {
  const part = folded.slice(from, to);
  const lead = LEADING_CONNECTOR.exec(part)?.[0].length ?? 0;
  const trail = TRAILING_VERB.exec(part);
  const end = trail ? Math.max(lead, trail.index) : part.length;
  return text
    .slice(from + lead, from + end)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Extracts the claims of a text. The subject of a claim is the text before its verb in its own
 * clause; a clause that starts with the verb ("…, tăng 6% so với cùng kỳ") keeps the subject of
 * the claim before it in the same statement.
 */
export function extractClaims(input: string, style: NumberStyle = documentNumberStyle(input)): Claim[] {
  const text = input.normalize("NFC");
  const folded = foldKeepingOffsets(text);
  const lines = lineIndex(text);
  const claims: Claim[] = [];

  let statementStart = 0;
  const ends = [...folded.matchAll(STATEMENT_END)].map((m) => (m.index ?? 0) + m[0].length);
  ends.push(text.length);
  for (const statementEnd of ends) {
    if (statementEnd <= statementStart) continue;
    let subject = "";
    let pendingFrom = -1;
    for (const [from, to] of clauses(folded, statementStart, statementEnd)) {
      const found = claimsIn(text, folded, folded.slice(from, to), from, style);
      if (found.length === 0) {
        if (pendingFrom < 0) pendingFrom = from;
        continue;
      }
      const firstAt = Math.min(...found.filter((f) => f.claim.kind !== "period").map((f) => f.start));
      const verbFirst = VERB_START.test(folded.slice(from, firstAt + 10)) || folded.slice(from, firstAt).trim() === "";
      if (!(verbFirst && subject)) {
        const own = verbFirst ? "" : subjectText(text, folded, from, firstAt);
        const before = pendingFrom >= 0 ? subjectText(text, folded, pendingFrom, from) : "";
        // A short clause before is the start of the name ("Giá trị sản xuất ngành nông, lâm nghiệp…");
        // a long one is an introduction.
        const joined = own && before.split(" ").length <= 6 ? `${before}, ${own}` : own || before;
        // "thu hút được 549.500 lượt khách du lịch": the subject follows the verb.
        subject = joined.replace(/^, /, "") || subject || text.slice(from, to).replace(/\s+/g, " ").trim();
      }
      pendingFrom = -1;
      for (const c of found) {
        const position = lines.lineOf(c.start);
        claims.push({
          ...c.claim,
          subject,
          offset: c.start,
          line: position.line,
          column: position.column,
          excerpt: text.slice(c.start, c.end).trim(),
        });
      }
    }
    statementStart = statementEnd;
  }
  return claims.sort((a, b) => a.offset - b.offset);
}

type Found = { start: number; end: number; claim: Omit<Claim, "subject" | "offset" | "line" | "column" | "excerpt"> };

function claimsIn(text: string, folded: string, clause: string, base: number, style: NumberStyle): Found[] {
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);

  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) {
      const g = m.groups ?? {};
      const number = parseNumberText(g.n, style);
      if (!number) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      taken.push([start, end]);
      const hedge = /\b(hon|tren|gan|khoang|xap xi)\s+\d/.exec(m[0])?.[1] ?? null;
      const sign = g.dir === "giam" || g.dir === "thap hon" ? -1 : 1;
      const claim: Found["claim"] = { kind, value: sign * number.value, decimals: number.decimals, hedge };
      // The basis as written: the folded clause keeps the original's offsets.
      const span = m.indices?.groups?.basis ?? m.indices?.groups?.cmp;
      const basisText = span ? text.slice(base + span[0], base + span[1]).trim() : "";
      if (basisText) claim.basis = basisText;
      const year = basisText ? yearMentions(basisText).find((y) => y.role === "dated") : undefined;
      if (year) claim.year = year.year;
      if (kind === "growth") {
        if (g.after !== undefined && !g.after.includes("%")) {
          claim.unitMissing = true;
        }
        const equivalent = EQUIVALENT.exec(clause.slice(end)) ?? EQUIVALENT.exec(folded.slice(base + end, base + end + 80));
        const eqValue = equivalent?.groups ? parseNumberText(equivalent.groups.n, style) : null;
        if (eqValue && equivalent?.groups) {
          const { scale, rest } = splitScale(equivalent.groups.unit.trim());
          claim.equivalent = { value: eqValue.value, decimals: eqValue.decimals, scale, unit: rest.split(" ")[0] ?? "" };
        }
        // "tăng 6%" compares with the same period unless it names the plan.
        if (claim.basis && /^(ke hoach|kh\b|du toan|chi tieu|muc tieu)/.test(fold(claim.basis))) claim.kind = "exceedPercent";
      }
      found.push({ start: base + start, end: base + end, claim });
    }
  }

  for (const re of [VALUE, VALUE_PERCENT]) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) {
      const g = m.groups ?? {};
      const start = (m.index ?? 0) + m[0].indexOf(g.n);
      const end = (m.index ?? 0) + m[0].length;
      if (!free(start, end)) continue;
      const number = parseNumberText(g.n, style);
      if (!number) continue;
      taken.push([start, end]);
      const before = clause.slice(Math.max(0, start - 16), start);
      // "tăng 25 xã", "tăng thêm 7 xã" state a change, not the level; "năm 2021 còn" is a year.
      if (re === VALUE && /\b(tang|giam|them|tang them|giam bot)\s+(hon\s+|khoang\s+)?$/.test(before)) continue;
      if (/^(19|20)\d\d$/.test(g.n) || /\b(nam|thang|quy|ngay|so|khoa|lan thu)\s*$/.test(before)) continue;
      const { scale, rest } = g.unit ? splitScale(g.unit.trim()) : { scale: 1, rest: "%" };
      const hedge = /\b(hon|tren|gan|khoang|xap xi)\s+$/.exec(before)?.[1] ?? null;
      found.push({
        start: base + start,
        end: base + end,
        claim: { kind: "value", value: number.value, decimals: number.decimals, hedge, unit: rest || "dong", scale },
      });
    }
  }

  PERIOD_LABEL.lastIndex = 0;
  for (const m of clause.matchAll(PERIOD_LABEL)) {
    const period = detectPeriod(m[0]);
    if (!period) continue;
    const start = m.index ?? 0;
    found.push({
      start: base + start,
      end: base + start + m[0].length,
      claim: { kind: "period", value: period.months, decimals: 0, hedge: null, period },
    });
  }
  // Claims other than period labels decide the clause's subject; labels alone do not make one.
  return found.some((f) => f.claim.kind !== "period") ? found : [];
}
