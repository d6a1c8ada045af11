// Claims in Vietnamese report text: a figure with its unit; "đạt/bằng X% kế hoạch"; "vượt X%";
// "tăng/giảm X% so với cùng kỳ năm YYYY" with words between verb and figure ("tăng mạnh", "tăng
// trưởng âm", "mức tăng"); "đạt X% so với cùng kỳ" (an index); "gấp X lần"; "X điểm phần trăm";
// a difference of rates ("thấp hơn 0,37% so với …"); an absolute change ("tăng 2.000 người",
// "(-862 ha)"); contributions ("đóng góp 0,22 điểm phần trăm"); "chiếm X%"; enumerations ("lần
// lượt là 4,8%, 4,0% và 3,6%"); "từ 85,75% lên 86,1%"; period labels. Each claim has the subject it
// is about and its position; every number is read in its own style, "25.500 lượt" and "101.86%"
// in one text alike.

import { parseNumberText, type NumberStyle, type ParsedNumber } from "../model/numbers";
import { detectPeriod, yearMentions, type Period } from "../model/period";
import { fold, foldKeepingOffsets, TextPlaces, type TextPlace } from "../model/text";
import { isCountUnit, splitScale } from "../model/units";

export type ClaimKind =
  | "value"
  | "planPercent"
  | "exceedPercent"
  | "growth"
  | "index"
  | "multiple"
  | "points"
  | "share"
  /** An absolute change in the indicator's unit: "tăng 2.000 người", "(-862 ha)". */
  | "change"
  /** "cao hơn / thấp hơn X% so với …": a difference, of rates when the subject is one. */
  | "difference"
  /** "đóng góp X điểm phần trăm / X% vào mức tăng chung". */
  | "contribution"
  | "period";

export interface Claim {
  kind: ClaimKind;
  /** What the claim is about, as written ("Giá trị sản xuất công nghiệp 6 tháng đầu năm"). */
  subject: string;
  /** The number as written (a percentage in percent). Growth, points and changes carry their sign. */
  value: number;
  /** Decimals written. */
  decimals: number;
  /** "hơn", "trên", "gần", "khoảng", "xấp xỉ" before the number. */
  hedge: string | null;
  /** For a value or a change: the unit after the scale words ("dong", "usd", "luot", "%"), and the scale. */
  unit?: string;
  scale?: number;
  /** What the claim compares with: "kế hoạch", "dự toán", "cùng kỳ", "năm trước", "tháng trước"… */
  basis?: string;
  /** The comparison year named, if any ("so với cùng kỳ năm 2019"). */
  year?: number;
  /** "tăng 9,5." with no unit after the number (and none shared with an enumeration). */
  unitMissing?: boolean;
  /** For a growth: the absolute change stated with it ("tương đương 1,6 triệu đồng", "(-862 ha)"). */
  equivalent?: { value: number; decimals: number; scale: number; unit: string };
  /** For a change: the growth stated with it ("giảm 1.686 ha (bằng 2,24%)"). */
  relative?: { value: number; decimals: number };
  /** "từ 85,75% lên 86,1%": the figure it started from. */
  from?: number;
  /** "7,5-8%": the upper end of a range (value is the lower). */
  high?: number;
  /** The verb as written, folded ("tang", "chi dat", "tang gap", "muc giam"…). */
  verb?: string;
  /** "giảm -3,8%": a sign written against the verb. */
  doubleSign?: boolean;
  /** For a contribution or a points claim: "điểm phần trăm" (points) or "%". */
  inPoints?: boolean;
  /** The style its own text shows: "vi" ("1.235,6", "6,5"), "en" ("1,235.6", "33.7"), or null (plain or ambiguous). */
  style?: NumberStyle | null;
  /** Position of the number itself in the text, for a finding about how it is written. */
  numberOffset?: number;
  period?: Period;
  /** Offset in the text, its 1-based line and column, paragraph and sentence within the paragraph. */
  offset: number;
  line: number;
  column: number;
  paragraph: number;
  sentence: number;
  /** The words of the claim as written. */
  excerpt: string;
}

export interface ClaimOptions {
  /** The style of numbers that are ambiguous on their own; by default the style most numbers of the text show. */
  style?: NumberStyle;
  /** The text folded with foldKeepingOffsets and its places, when the caller has them already. */
  folded?: string;
  places?: TextPlaces;
}

// A number is short: bounded, a run of thousands of digits and commas cannot make a search backtrack for ever.
const N = String.raw`\d[\d.,]{0,24}\d|\d`;
const HEDGE_WORDS = String.raw`hon|tren|gan|khoang|xap xi|chung|xung quanh|uoc|hon|toi|den|toi gan`;
const HEDGE = String.raw`(?:(?<hedge>${HEDGE_WORDS})\s+)?`;
const PLAN_BASIS = String.raw`ke hoach|kh\b|du toan|chi tieu|muc tieu|nghi quyet|nq\b|hdnd|ubnd|trung uong giao`;
// A basis runs to the end of its clause, or to "và"/"nhưng"/"trong đó" before another part.
const BASIS_TEXT = String.raw`(?:(?!\s(?:va|nhung|trong do|dong thoi|trong khi|con)\s)[^,;.()!?\n]){1,60}`;
const COMPARED = String.raw`(?:\s*(?:\(|,)?\s*(?:so voi|so)\s+(?<cmp>${BASIS_TEXT}))?`;
// Words between a verb and its figure: "tăng mạnh 20%", "tăng trưởng âm 1,2%", "giảm đi 30,3%".
const MODIFIERS = String.raw`(?<mods>(?:\s+(?:manh|nhe|cao|thap|nhanh|cham|toi|den|len|xuong|them|binh quan|truong|am|on dinh|lien tuc|dot bien|tro lai|duoc|o muc|muc|dat|di|tuong ung|tuong duong|khoang|gan|hon|tren|xap xi|chi|vuot bac|ky luc|so voi cung ky|so cung ky))*)`;

interface Pattern {
  kind: ClaimKind;
  re: RegExp;
  /** What a clause must hold for the pattern to match (one of them): a clause lacking all is not searched. */
  needs: readonly string[];
}

// Each pattern runs on the folded clause; the number group is named n.
const PATTERNS: Pattern[] = [
  {
    kind: "planPercent",
    needs: ["%"],
    re: new RegExp(
      String.raw`\b(?<verb>(?:chi |moi )?(?:dat|bang|duoc|thuc hien|hoan thanh))\s+${HEDGE}(?<n>${N})\s*%\s*(?:so voi\s+|so\s+|cua\s+)?(?<basis>(?:${PLAN_BASIS})${BASIS_TEXT.replace("{1,60}", "{0,40}")})`,
      "gd",
    ),
  },
  {
    kind: "planPercent",
    needs: ["%"],
    re: new RegExp(
      String.raw`\bso\s+(?:voi\s+)?(?<basis>(?:${PLAN_BASIS})(?:(?!\sthi\s)[^,;.%()]){0,30}?)\s*,?\s*(?<verb>dat|bang)\s+${HEDGE}(?<n>${N})\s*%`,
      "gd",
    ),
  },
  {
    kind: "exceedPercent",
    needs: ["vuot"],
    re: new RegExp(
      String.raw`\b(?<verb>(?:hoan thanh )?vuot)\s+(?:muc\s+)?${HEDGE}(?<n>${N})\s*%(?:\s+[^,;.%()0-9]{0,30}?)?\s*(?:so voi\s+|so\s+)?(?<basis>(?:${PLAN_BASIS})${BASIS_TEXT.replace("{1,60}", "{0,40}")})?`,
      "gd",
    ),
  },
  {
    kind: "index",
    needs: ["%"],
    re: new RegExp(
      String.raw`\b(?<verb>(?:chi |moi )?(?:bang|dat))\s+${HEDGE}(?<n>${N})\s*%\s*(?:so voi|so)\s+(?<basis>${BASIS_TEXT})`,
      "gd",
    ),
  },
  {
    kind: "contribution",
    needs: ["dong gop", "lam ", "keo "],
    re: new RegExp(
      String.raw`\b(?<verb>dong gop|lam tang|lam giam|keo giam|keo tang|dong gop giam|dong gop tang)(?:\s+(?<dir>giam|tang))?(?:\s+[a-z]+){0,4}?\s+(?<n>${N})\s*(?<unit>diem phan tram|diem %|%)`,
      "gd",
    ),
  },
  {
    kind: "points",
    needs: ["diem"],
    re: new RegExp(
      String.raw`\b(?<verb>(?<dir>tang|giam|cao hon|thap hon))${MODIFIERS}\s+${HEDGE}(?<sign>[+\-−–]\s*)?(?<n>${N})\s*(?:diem phan tram|diem %|diem)${COMPARED}`,
      "gd",
    ),
  },
  {
    kind: "difference",
    needs: ["hon"],
    re: new RegExp(String.raw`\b(?<verb>(?<dir>cao hon|thap hon))\s+${HEDGE}(?<n>${N})\s*%${COMPARED}`, "gd"),
  },
  {
    kind: "multiple",
    needs: ["lan"],
    re: new RegExp(String.raw`\b(?<verb>gap|tang gap|tang|tang len|tang hon)\s+${HEDGE}(?<n>${N})\s+lan${COMPARED}`, "gd"),
  },
  {
    kind: "growth",
    needs: ["tang", "giam"],
    re: new RegExp(
      String.raw`\b(?<verb>(?:muc |toc do )?(?<dir>tang|giam))${MODIFIERS}\s+${HEDGE}(?<sign>[+\-−–]\s*)?(?<n>${N})(?<after>\s*%(?!\s*\/\s*nam)|(?=\s*[.;]?\s*$))${COMPARED}`,
      "gd",
    ),
  },
  {
    // "(+16,38%)", "(-2,1%)": a signed growth in brackets.
    kind: "growth",
    needs: ["("],
    re: new RegExp(String.raw`\((?<sign>[+\-−–])\s*(?<n>${N})\s*%\)`, "gd"),
  },
  { kind: "share", needs: ["chiem"], re: new RegExp(String.raw`\b(?<verb>chiem)\s+(?:ty trong\s+|ty le\s+)?${HEDGE}(?<n>${N})\s*%`, "gd") },
];

const UNIT_WORDS = String.raw`dong\/(?:lit|kg|nguoi|thang)|dong|usd|do(?:-| )la(?: my)?|luot(?: khach| nguoi)?|ta\/ha|tan\/ha|tan|ta|ha|m2|m3|km2|km|lit|kwh|mwh|gwh|kg\/nguoi|kg|nguoi|lao dong|doanh nghiep|hop tac xa|htx|du an|xa|phuong|tinh|dia phuong|don vi|phien|ho|con|san pham|tieu chi|truong|benh vien|giuong|tr\.?d\b|ty\b|ti\b|trieu\b`;
const SCALES = String.raw`(?:(?:nghin|ngan|van|trieu|ty|ti)\s+)*`;
const VALUE = new RegExp(String.raw`(?<![\d.,/])(?<n>${N})(?![\d.,]*\s*(?:%|lan\b|diem))\s*(?<unit>${SCALES}(?:${UNIT_WORDS}))`, "g");
// "3 triệu 508 nghìn lượt": a figure with its digit groups in words.
const WORDED = new RegExp(
  String.raw`(?<![\d.,/])(?<a>\d{1,3})\s+(?<big>trieu|ty|ti)\s+(?<b>\d{1,3})\s+(?<small>nghin|ngan|trieu)\s+(?<unit>${UNIT_WORDS})`,
  "g",
);
const VALUE_PERCENT = new RegExp(
  String.raw`\b(?:dat|la|con|o muc|uoc dat|uoc tinh|uoc|chi con|giam con|tang len|giam xuong)\s+${HEDGE}(?<n>${N})\s*(?:-\s*(?<hi>${N})\s*)?%(?!\s*(?:so voi|so\b|ke hoach|kh\b|du toan|chi tieu|muc tieu))`,
  "g",
);
// "từ 85,75% lên 86,1%", "giảm từ 58,2% xuống 27,9%".
const FROM_TO = new RegExp(
  String.raw`\btu\s+(?<a>${N})\s*(?<ua>%|${SCALES}(?:${UNIT_WORDS}))?\s+(?:len|xuong|con)\s+(?<b>${N})\s*(?<ub>%|${SCALES}(?:${UNIT_WORDS}))`,
  "g",
);
// "lần lượt là 4,8%, 4,0% và 3,6%", "lần lượt giảm 0,5, 0,5 và 0,7 điểm phần trăm".
const ENUMERATION = new RegExp(
  String.raw`\blan luot\s+(?:la\s*:?\s+|dat\s+)?(?<verb>tang\s+|giam\s+)?(?<list>(?:${N})(?:\s*%?\s*(?:[,;:]\s*(?:va\s+)?|va\s+)(?:${N}))+)\s*(?<unit>%|diem phan tram|diem %|diem|${SCALES}(?:${UNIT_WORDS}))?`,
  "g",
);
const PERIOD_LABEL = /\b(\d{1,2}\s+thang(?:\s+dau\s+nam)?|quy\s+(?:iv|iii|ii|i|[1-4])\b|thang\s+\d{1,2}\b)/g;
// The absolute change told beside a growth: "tương đương 1,6 triệu đồng", "(-862 ha)", "(37,37 triệu USD)".
const EQUIVALENT = new RegExp(
  String.raw`^\s*(?:,\s*|\(\s*)?(?:(?:tuong duong|tuong ung|bang|hay|voi)\s+(?:voi\s+)?(?:tang\s+|giam\s+)?)?${HEDGE}(?<sign>[+\-−–]\s*)?(?<n>${N})\s*(?<unit>${SCALES}(?:${UNIT_WORDS}))`,
);
// The growth told beside an absolute change: "giảm 1.686 ha (bằng 2,24%)", "tăng 2.000 người, tương ứng 3,1%".
const RELATIVE = new RegExp(String.raw`^\s*(?:,\s*|\(\s*)(?:tuong duong|tuong ung|bang|hay)?\s*(?:tang\s+|giam\s+)?(?<n>${N})\s*%`);
const VERB_START =
  /^\s*(?:va\s+|,\s*|\(\s*)?(?:uoc\s+)?(?:dat|bang|tang|giam|vuot|gap|chiem|la|con|so|duoc|thu hut|tuong duong|cao hon|thap hon|dong gop|lam tang|lam giam|muc tang|muc giam|lan luot|chi dat|chi bang|hoan thanh)\b/;
const STATEMENT_END = /[.!?](?=\s|$)|;|\n/g;
// A new part of a clause starts at "và"/"nhưng" before a claim verb: "… so với tháng trước và tăng 15,6% …".
const PART_BREAK = /\s(?:va|nhung|con|dong thoi)\s+(?=(?:uoc\s+)?(?:tang|giam|dat|bang|vuot|gap|chiem|dong gop|chi dat)\b)/g;
const NEWS_PREFIX = /^\s*(?:\([^)]{2,40}\)\s*[-–—:]\s*|(?:ttxvn|vov|vtv|vna|tttt)\s*[-–—:]\s*)/;

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

/**
 * A number read in its own style: unambiguous texts as they are; an ambiguous one ("25.500",
 * "76,233") by what it counts — a whole number of a count unit, a fraction for a percentage —
 * else by the document's style.
 */
function readNumber(n: string, after: string, documentStyle: NumberStyle): ParsedNumber | null {
  const first = parseNumberText(n, documentStyle);
  if (!first || first.style !== "ambiguous" || first.alternative === undefined) return first;
  const f = after.trimStart();
  const wholeValue = Number.isInteger(first.value) ? first.value : first.alternative;
  const fraction = Number.isInteger(first.value) ? first.alternative : first.value;
  // Read by what it counts, the number shows its style: "25.500 lượt" groups thousands with a dot (vi).
  const dot = n.includes(".");
  if (/^%/.test(f)) return { ...first, value: fraction, alternative: wholeValue, decimals: 3, style: dot ? "en" : "vi" };
  const unit = /^[a-z]+(?:\s+[a-z]+)?/.exec(f)?.[0] ?? "";
  const { rest } = splitScale(unit);
  if (isCountUnit(rest) && rest === unit)
    return { ...first, value: wholeValue, alternative: fraction, decimals: 0, style: dot ? "vi" : "en" };
  return first;
}

/** Splits [start, end) into clauses at ", " (commas inside numbers have no space) and at "và"/"nhưng" before a new claim. */
function clauses(folded: string, start: number, end: number): Array<[number, number]> {
  const cuts: number[] = [];
  for (let i = start; i < end; i++) {
    if (folded[i] === "," && (folded[i + 1] === " " || folded[i + 1] === "\t") && !enumerationComma(folded, i)) cuts.push(i);
  }
  PART_BREAK.lastIndex = 0;
  const segment = folded.slice(start, end);
  for (const m of segment.matchAll(PART_BREAK)) cuts.push(start + (m.index ?? 0));
  cuts.sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let from = start;
  for (const cut of cuts) {
    if (cut <= from) continue;
    out.push([from, cut]);
    from = cut + 1;
  }
  out.push([from, end]);
  return out;
}

/** A comma between two numbers of a list ("0,5, 0,5 và 0,7"; "4,8%, 4,0%") does not end a clause. */
function enumerationComma(folded: string, i: number): boolean {
  return /\d\s*%?$/.test(folded.slice(Math.max(0, i - 6), i)) && /^,\s*\d/.test(folded.slice(i, i + 6));
}

const LEADING_CONNECTOR =
  /^[\s,;:.\-–(]*(?:(?:trong do|theo do|dong thoi|ngoai ra|rieng|cu the|nhin chung|tinh chung|trong|so voi ke hoach|nhu vay|ben canh do)\b[\s,:]*)*/;
const TRAILING_VERB =
  /[\s,]*(?:(?<![a-z])(?:uoc dat|uoc tinh|uoc thuc hien|du uoc|dat duoc|dat|la|uoc|con|thu hut|duoc|co|o muc|van|chi|moi|se)(?:\s+(?:hon|tren|gan|khoang|xap xi|duoc|muc))?)?[\s,:(]*$/;

/** The last "thì" between two offsets, relative to `from` (-1: none); "thị" folds alike but is no topic mark. */
function lastTopicMark(text: string, folded: string, from: number, to: number): number {
  // Searched within the span only: a search of the whole text for each clause would be quadratic.
  const span = folded.slice(from, to);
  for (let at = span.lastIndexOf(" thi "); at >= 0; at = at > 0 ? span.lastIndexOf(" thi ", at - 1) : -1)
    if (text.slice(from + at + 1, from + at + 4).toLowerCase() === "thì") return at;
  return -1;
}

/** The subject as written: connectors, a news outlet's prefix and the verb after it cut off, spaces tidied. */
function subjectText(text: string, folded: string, from: number, to: number): string {
  const prefix = NEWS_PREFIX.exec(folded.slice(from, to))?.[0].length ?? 0;
  // "So với kế hoạch … thì tỷ lệ giải ngân đạt …": the subject is what follows "thì".
  const topic = lastTopicMark(text, folded, from + prefix, to);
  const skip = prefix + (topic >= 0 ? topic + 5 : 0);
  const part = folded.slice(from + skip, to);
  let lead = LEADING_CONNECTOR.exec(part)?.[0].length ?? 0;
  const thi = /^thi\s+/.exec(part.slice(lead));
  if (thi && text.slice(from + skip + lead, from + skip + lead + 3).toLowerCase() === "thì") lead += thi[0].length;
  const trail = TRAILING_VERB.exec(part);
  const end = trail ? Math.max(lead, trail.index) : part.length;
  return text
    .slice(from + skip + lead, from + skip + end)
    .replace(/\s+/g, " ")
    .trim();
}

/** What a clause says after its first figure ("… 549.500 lượt khách du lịch" → "lượt khách du lịch"), when it names nothing before it. */
function objectAfter(text: string, found: Found[], to: number): string {
  const first = found.filter((f) => f.claim.kind === "value").sort((a, b) => a.start - b.start)[0];
  if (!first) return "";
  const numberEnd = text.slice(first.start, first.end).search(/[^\d.,\s]/);
  return numberEnd < 0
    ? ""
    : text
        .slice(first.start + numberEnd, to)
        .replace(/\s+/g, " ")
        .trim();
}

/**
 * Extracts the claims of a text. The subject of a claim is the text before its verb in its own
 * clause; a clause that starts with the verb ("…, tăng 6% so với cùng kỳ") keeps the subject of
 * the claim before it in the same statement.
 */
export function extractClaims(input: string, options: ClaimOptions = {}): Claim[] {
  const text = input.normalize("NFC");
  const folded = options.folded ?? foldKeepingOffsets(text);
  const style = options.style ?? documentNumberStyle(text);
  const places = options.places ?? new TextPlaces(text);
  const claims: Claim[] = [];

  let statementStart = 0;
  const ends: number[] = [];
  for (const m of folded.matchAll(STATEMENT_END)) ends.push((m.index ?? 0) + m[0].length);
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
      let firstAt = to;
      for (const f of found) if (f.claim.kind !== "period" && f.start < firstAt) firstAt = f.start;
      const lead = folded.slice(from, firstAt);
      const verbFirst =
        (VERB_START.test(folded.slice(from, firstAt + 10)) && lastTopicMark(text, folded, from, firstAt) < 0) || lead.trim() === "";
      if (!(verbFirst && subject)) {
        const own = verbFirst ? "" : subjectText(text, folded, from, firstAt);
        const before = pendingFrom >= 0 ? subjectText(text, folded, pendingFrom, from) : "";
        // A short clause before is the start of the name ("Giá trị sản xuất ngành nông, lâm nghiệp…");
        // a long one is an introduction.
        const joined = own && before.split(" ").length <= 6 ? `${before}, ${own}` : own || before;
        // "thu hút được 549.500 lượt khách du lịch": the subject follows the verb.
        // "thu hút được 549.500 lượt khách du lịch": the subject follows the figure — its unit and what comes after.
        subject = joined.replace(/^, /, "") || subject || objectAfter(text, found, to) || subjectText(text, folded, from, firstAt);
      }
      pendingFrom = -1;
      for (const c of found) {
        claims.push({
          ...c.claim,
          subject,
          offset: c.start,
          ...places.at(c.start),
          excerpt: text.slice(c.start, c.end).trim(),
        });
      }
    }
    statementStart = statementEnd;
  }
  return claims.sort((a, b) => a.offset - b.offset);
}

type Found = { start: number; end: number; claim: Omit<Claim, "subject" | "offset" | keyof TextPlace | "excerpt"> };

function signOf(dir: string | undefined, mods: string | undefined): number {
  if (dir === "giam" || dir === "thap hon" || dir === "lam giam" || dir === "keo giam") return -1;
  // "tăng trưởng âm 1,2%" is a fall.
  if (mods && /\bam\b/.test(mods)) return -1;
  return 1;
}

function basisOf(text: string, base: number, span: [number, number] | undefined): { basis?: string; year?: number } {
  if (!span) return {};
  const basis = text.slice(base + span[0], base + span[1]).trim();
  if (!basis) return {};
  const year = yearMentions(basis).find((y) => y.role === "dated")?.year;
  return year === undefined ? { basis } : { basis, year };
}

function claimsIn(text: string, folded: string, clause: string, base: number, style: NumberStyle): Found[] {
  // No figure, no claim: most clauses of a report are words alone, and each pattern below would search them.
  if (!/\d/.test(clause)) return [];
  const found: Found[] = [];
  // The characters a claim already covers: checking a span costs its length, not the claims so far.
  const covered = new Uint8Array(clause.length + 1);
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (covered[i]) return false;
    return true;
  };
  const take = (s: number, e: number) => covered.fill(1, s, e);
  const number = (n: string, at: number) => readNumber(n, clause.slice(at, at + 24), style);

  // Enumerations first: their commas and their shared unit belong together.
  ENUMERATION.lastIndex = 0;
  for (const m of clause.includes("lan luot") ? clause.matchAll(ENUMERATION) : []) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const unit = g.unit ?? "";
    const listAt = start + m[0].indexOf(g.list);
    const dir = g.verb?.trim();
    for (const item of g.list.matchAll(new RegExp(N, "g"))) {
      const at = listAt + (item.index ?? 0);
      const parsed = number(item[0], at + item[0].length);
      if (!parsed) continue;
      const points = /diem/.test(unit);
      const percent = unit === "%" || /%/.test(g.list.slice(item.index ?? 0, (item.index ?? 0) + item[0].length + 2));
      const kind: ClaimKind = dir ? (points ? "points" : percent ? "growth" : "change") : percent ? "value" : "value";
      const { scale, rest } = splitScale(unit.trim());
      found.push({
        start: base + at,
        end: base + at + item[0].length,
        claim: {
          kind,
          value: (dir === "giam" ? -1 : 1) * parsed.value,
          decimals: parsed.decimals,
          hedge: null,
          ...(kind === "value" || kind === "change" ? { unit: percent ? "%" : rest || "", scale } : {}),
          ...(points ? { inPoints: true } : {}),
          ...(unit === "" && !percent ? { unitMissing: kind !== "value" } : {}),
          style: styleOf(parsed),
          numberOffset: base + at,
        },
      });
    }
    take(start, end);
  }

  for (const { kind, re, needs } of PATTERNS) {
    if (!needs.some((word) => clause.includes(word))) continue;
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) {
      const g = m.groups ?? {};
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const numberAt = m.indices?.groups?.n?.[0] ?? start;
      const parsed = number(g.n, numberAt + g.n.length);
      if (!parsed) continue;
      if (!free(start, end)) continue;
      take(start, end);
      const explicit = g.sign ? (/[-−–]/.test(g.sign) ? -1 : 1) : 0;
      const sign = kind === "growth" && !g.dir ? explicit : signOf(g.dir ?? g.verb, g.mods);
      const claim: Found["claim"] = {
        kind,
        value: sign * parsed.value,
        decimals: parsed.decimals,
        hedge: g.hedge ?? null,
        verb: g.verb?.trim(),
        style: styleOf(parsed),
        numberOffset: base + numberAt,
      };
      // "giảm -3,8%": a sign against the verb.
      if (g.dir && explicit !== 0 && explicit < 0 !== sign < 0) claim.doubleSign = true;
      if (g.dir && explicit < 0 && sign < 0) claim.doubleSign = true;
      Object.assign(claim, basisOf(text, base, m.indices?.groups?.basis ?? m.indices?.groups?.cmp));
      if (kind === "contribution") claim.inPoints = /diem/.test(g.unit ?? "");
      if (kind === "points") claim.inPoints = true;
      if (kind === "growth") {
        if (g.after !== undefined && !g.after.includes("%")) claim.unitMissing = true;
        const equivalent = EQUIVALENT.exec(clause.slice(end)) ?? EQUIVALENT.exec(folded.slice(base + end, base + end + 80));
        const eq = equivalent?.groups ? readNumber(equivalent.groups.n, equivalent.groups.unit, style) : null;
        if (eq && equivalent?.groups) {
          const { scale, rest } = splitScale(equivalent.groups.unit.trim());
          claim.equivalent = { value: eq.value, decimals: eq.decimals, scale, unit: rest.split(" ")[0] ?? "" };
        }
        // "tăng 6% so với kế hoạch" exceeds the plan.
        if (claim.basis && /^(ke hoach|kh\b|du toan|chi tieu|muc tieu)/.test(fold(claim.basis))) claim.kind = "exceedPercent";
      }
      if (kind === "index" && claim.basis && new RegExp(`^(?:${PLAN_BASIS})`).test(fold(claim.basis))) claim.kind = "planPercent";
      found.push({ start: base + start, end: base + end, claim });
    }
  }

  FROM_TO.lastIndex = 0;
  for (const m of clause.includes("tu") ? clause.matchAll(FROM_TO) : []) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const a = number(g.a, start + m[0].indexOf(g.a) + g.a.length);
    const b = number(g.b, start + m[0].lastIndexOf(g.b) + g.b.length);
    if (!a || !b) continue;
    take(start, end);
    const unit = g.ub.trim();
    const { scale, rest } = unit === "%" ? { scale: 1, rest: "%" } : splitScale(unit);
    found.push({
      start: base + start,
      end: base + end,
      claim: { kind: "value", value: b.value, decimals: b.decimals, hedge: null, unit: rest, scale, from: a.value, style: styleOf(b) },
    });
  }

  WORDED.lastIndex = 0;
  for (const m of / (trieu|ty|ti) /.test(clause) ? clause.matchAll(WORDED) : []) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    take(start, end);
    const big = g.big === "trieu" ? 1e6 : 1e9;
    const small = g.small === "trieu" ? 1e6 : 1e3;
    const { rest } = splitScale(g.unit);
    found.push({
      start: base + start,
      end: base + end,
      claim: { kind: "value", value: Number(g.a) * big + Number(g.b) * small, decimals: 0, hedge: null, unit: rest, scale: 1 },
    });
  }

  for (const re of [VALUE, VALUE_PERCENT]) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) {
      const g = m.groups ?? {};
      const start = (m.index ?? 0) + m[0].indexOf(g.n);
      const end = (m.index ?? 0) + m[0].length;
      if (!free(start, end)) continue;
      const parsed = number(g.n, start + g.n.length);
      if (!parsed) continue;
      take(start, end);
      const before = clause.slice(Math.max(0, start - 20), start);
      if (/^(19|20)\d\d$/.test(g.n) || /\b(nam|thang|quy|ngay|so|khoa|lan thu|nghi dinh|quyet dinh)\s*$/.test(before)) continue;
      const { scale, rest } = g.unit ? splitScale(g.unit.trim()) : { scale: 1, rest: "%" };
      const hedge = /\b(hon|tren|gan|khoang|xap xi)\s+$/.exec(before)?.[1] ?? null;
      // "tăng 2.000 người", "giảm 1.686 ha": an absolute change, not the level.
      const change = re === VALUE ? /\b(?<dir>tang|giam)(?:\s+(?:them|bot|di|len|xuong|hon|khoang|gan|tren))*\s+$/.exec(before) : null;
      const explicit = re === VALUE ? /(?<![\d.,])([+\-−–])\s*$/.exec(before) : null;
      const inBrackets = explicit !== null && /\(\s*[+\-−–]\s*$/.test(before);
      const claim: Found["claim"] = {
        kind: change || inBrackets ? "change" : "value",
        value: (change?.groups?.dir === "giam" || (explicit && explicit[1] !== "+") ? -1 : 1) * parsed.value,
        decimals: parsed.decimals,
        hedge,
        unit: rest || "dong",
        scale,
        style: styleOf(parsed),
        numberOffset: base + start,
      };
      if (g.hi) {
        const hi = parseNumberText(g.hi, style);
        if (hi) claim.high = hi.value;
      }
      if (claim.kind === "change") {
        const relative = RELATIVE.exec(clause.slice(end));
        const rel = relative?.groups ? parseNumberText(relative.groups.n, style) : null;
        if (rel) claim.relative = { value: rel.value, decimals: rel.decimals };
        const compared = new RegExp(String.raw`^\s*,?\s*(?:so voi|so)\s+(${BASIS_TEXT})`).exec(clause.slice(end));
        if (compared) {
          const at = end + compared[0].length - compared[1].length;
          Object.assign(claim, basisOf(text, base, [at, at + compared[1].trimEnd().length]));
        }
      }
      found.push({ start: base + start, end: base + end, claim });
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

function styleOf(parsed: ParsedNumber): NumberStyle | null {
  return parsed.style === "vi" || parsed.style === "en" ? parsed.style : null;
}
