// The rules of report text: how a change is written (an index as growth and the reverse, "vượt X%"
// with X ≥ 100, a large growth better read as a multiple, a rate's change in "%", a double sign, a
// growth with no unit, a verb mistyped, a number in the other style) and the arithmetic a sentence
// carries (a level with its change, a change with its growth, from→to, contributions, "trong đó"
// parts against their total, shares, a figure beyond its unit's range, a growth and a multiple of
// one subject that disagree). Error only where the figures written prove it; warn when unsure.

import type { TextFinding } from "../model/findings";
import { formatNumber, parseNumberText } from "../model/numbers";
import { fold, words } from "../model/text";
import type { Claim } from "../reading/claims";
import { roundingTolerance } from "./context";
import { COMPONENT_TOTAL, SHARE_TOTAL } from "./structure";
import { MISSING_UNIT, RATE_POINTS, UNIT_SCALE } from "./figures";
import { numberList, phrase } from "./message";
import { defineRule, option } from "./record";
import { excerptAround, reportText, textRule, type TextContext, type TextRule } from "./textContext";
import { BASE_YEAR, comparisonYearIssues } from "./years";

// ---------------------------------------------------------------------------------------------
// Records of the rules only text has
// ---------------------------------------------------------------------------------------------

export const INDEX_AS_GROWTH = defineRule({
  id: "index-as-growth",
  severity: "warning",
  severities: ["warning", "error"],
  scope: "text",
  name: "Chỉ số viết thành mức tăng",
  nameEn: "An index written as growth",
  description:
    "“Chỉ số sản xuất công nghiệp tăng 102,66%” có thể là chỉ số 102,66% (tức tăng 2,66%) viết nhầm thành mức tăng, nhưng cũng có thể là mức tăng thật (một nhà máy điện vận hành trở lại làm chỉ số gấp đôi): cảnh báo để kiểm tra. Là lỗi khi chính các số của câu (số hiện tại và mức thay đổi tuyệt đối) hoặc bảng tính đi kèm cho thấy đó là chỉ số.",
  descriptionEn:
    "“The industrial production index rose 102.66%” may be an index of 102.66% (up 2.66%) written as growth, or a real growth (a power plant back in service doubling the index): a warning to check. An error when the sentence's own figures (the level and the absolute change) or the workbook show it is the index.",
  options: {
    indexAsGrowthFrom: option.number(
      100,
      "Mức tăng (%) từ ngưỡng này trở lên của một chỉ số được xem xét như chỉ số viết nhầm thành mức tăng.",
      "A growth (%) from this threshold up is looked at as an index written as growth.",
      { minimum: 0 },
    ),
  },
  messages: {
    indexSubject: {
      vi: '{subject}: "{excerpt}" là mức tăng rất lớn (gấp {times:n2} lần cùng kỳ): nên kiểm tra lại. Nếu {value:n}% là chỉ số so với cùng kỳ thì viết "bằng {value:n}% so với cùng kỳ"; nếu đúng là mức tăng thì có thể viết "gấp {times:n2} lần".',
      en: '{subject}: "{excerpt}" is a very large growth ({times:n2} times the same period): worth checking. If {value:n}% is the index, write "bằng {value:n}%" (equal to); if it is the growth, "{times:n2} times" reads better.',
    },
    provenByFigures: {
      vi: '{subject}: "{excerpt}" là chỉ số viết thành mức tăng: chính câu này ghi {level:n} {unit} và mức thay đổi {change:n} {unit}, tức tăng {growth:n1}% (chỉ số {index:n1}%).',
      en: '{subject}: "{excerpt}" is an index written as growth: the sentence itself gives {level:n} {unit} and a change of {change:n} {unit}, a growth of {growth:n1}% (index {index:n1}%).',
    },
    provenByWorkbook: {
      vi: '{name}: "{excerpt}" là chỉ số ({index:n1}%) theo bảng tính (trang "{sheet}", ô {cell}); mức tăng theo bảng tính là {growth:n1}%.',
      en: '{name}: "{excerpt}" is the index ({index:n1}%) in the workbook (sheet "{sheet}", {cell}); the growth there is {growth:n1}%.',
    },
  },
});

export const GROWTH_AS_INDEX = defineRule({
  id: "growth-as-index",
  severity: "warning",
  scope: "text",
  name: "Mức tăng viết thành chỉ số",
  nameEn: "A growth written as an index",
  description:
    "“Giá trị sản xuất tăng thấp, chỉ đạt 3,01% so với cùng kỳ” nói rằng giá trị chỉ bằng 3,01% cùng kỳ (giảm gần 97%); người viết muốn nói “tăng 3,01%”. Cảnh báo khi câu nói “tăng” mà ghi “đạt/bằng X% so với cùng kỳ” với X rất nhỏ.",
  descriptionEn:
    "“Output grew slowly, reaching only 3.01% of the same period” says output is 3.01% of the same period (down almost 97%); the writer means up 3.01%. A warning when the sentence says it rose but writes “đạt/bằng X% so với cùng kỳ” (X% of the same period) with a very small X.",
  options: {
    growthAsIndexBelow: option.number(
      50,
      "“Đạt X% so với cùng kỳ” trong câu nói “tăng” với X dưới ngưỡng này là mức tăng viết thành chỉ số.",
      "“X% of the same period” in a sentence that says it rose, with X below this, is a growth written as an index.",
      { minimum: 0, maximum: 100 },
    ),
  },
  messages: {
    growthWrittenAsIndex: {
      vi: '{subject}: "{excerpt}" nghĩa là chỉ bằng {value:n}% cùng kỳ (giảm {fall:n}%), trong khi câu nói "tăng". Nếu {value:n}% là mức tăng thì viết "tăng {value:n}% so với cùng kỳ".',
      en: '{subject}: "{excerpt}" means only {value:n}% of the same period (down {fall:n}%), while the sentence says it rose. If {value:n}% is the growth, write "tăng {value:n}%" (up).',
    },
  },
});

export const EXCEED_PERCENT = defineRule({
  id: "exceed-percent",
  severity: "warning",
  scope: "text",
  name: "“Vượt X%” với X từ 100 trở lên",
  nameEn: "“Exceeded by X%” with X of 100 or more",
  description: "“Vượt 115% kế hoạch” nghĩa là đạt 215% kế hoạch. Thường người viết muốn nói “đạt 115% kế hoạch” (vượt 15%).",
  descriptionEn:
    "“Vượt 115% kế hoạch” (exceeded the plan by 115%) means 215% of plan. The writer usually means “đạt 115% kế hoạch” (115% of plan, exceeded by 15%).",
  options: {},
  messages: {
    exceedsByHundred: {
      vi: '"{excerpt}": "vượt {value:n}%" nghĩa là đạt {reached:n}% kế hoạch; nếu thực hiện bằng {value:n}% kế hoạch thì viết "đạt {value:n}% kế hoạch" (vượt {over:n}%).',
      en: '"{excerpt}": exceeding by {value:n}% means {reached:n}% of plan; if {value:n}% of plan is meant, write "đạt {value:n}% kế hoạch" ({over:n}% above).',
    },
  },
});

export const GROWTH_MULTIPLE = defineRule({
  id: "growth-multiple",
  severity: "info",
  scope: "text",
  name: "Mức tăng rất lớn nên viết “gấp X lần”",
  nameEn: "A large growth reads better as “X times”",
  description:
    "Cách viết: mức tăng từ 100% trở lên dễ đọc hơn khi viết “gấp X lần” (“tăng 313%” là “gấp 4,13 lần”); “tăng X lần” tự nó mơ hồ (gấp X hay gấp X+1 lần?), nên viết “gấp X lần”.",
  descriptionEn:
    "Style: a growth of 100% or more reads better as “gấp X lần” (X times: “up 313%” is 4.13 times); “tăng X lần” (up X times) is ambiguous in itself (X or X+1 times?), so “gấp X lần” is clearer.",
  options: {
    growthMultipleFrom: option.number(
      100,
      "Mức tăng (%) từ ngưỡng này trở lên nên viết “gấp X lần”.",
      "A growth (%) from this threshold up reads better as “X times”.",
      { minimum: 0 },
    ),
  },
  messages: {
    largeGrowth: {
      vi: '"{excerpt}": mức tăng từ {from:n}% trở lên đọc dễ hơn khi viết "gấp {times:n2} lần".',
      en: '"{excerpt}": a growth of {from:n}% or more reads better as "{times:n2} times".',
    },
    ambiguousTimes: {
      vi: '"{excerpt}": "tăng {value:n} lần" có thể hiểu là gấp {value:n} lần hoặc gấp {plusOne:n} lần; nên viết "gấp {value:n} lần" nếu số sau bằng {value:n} lần số trước.',
      en: '"{excerpt}": "up {value:n} times" may mean {value:n} or {plusOne:n} times as much; "gấp {value:n} lần" says {value:n} times as much.',
    },
  },
});

export const CLAIM_ARITHMETIC = defineRule({
  id: "claim-arithmetic",
  severity: "error",
  severities: ["error", "warning"],
  scope: "text",
  name: "Số liệu trong câu không khớp nhau",
  nameEn: "Figures of a sentence that do not agree",
  description:
    "Các số trong một câu phải khớp nhau trong mức làm tròn: mức tăng (%) với mức thay đổi tuyệt đối và số hiện tại (“22,4 triệu đồng, tăng 7,7%, tương ứng 1,6 triệu đồng”); “từ A lên B” với mức tăng ghi kèm; đóng góp (điểm phần trăm) của một khu vực không lớn hơn mức tăng của chính nó, và các đóng góp không lớn hơn mức tăng chung.",
  descriptionEn:
    "The figures of one sentence must agree within rounding: a growth (%) with the absolute change and the level (“22.4 million, up 7.7%, that is 1.6 million”); “from A to B” with the change stated; a sector's contribution (points) no larger than its own growth, and contributions no larger than the total growth.",
  options: {},
  messages: {
    levelAndChange: {
      vi: "{subject}: {level:n} {unit} và mức thay đổi {change:n} {unit} cho tốc độ {implied:n1}%, không phải {stated:n}%.",
      en: "{subject}: {level:n} {unit} and a change of {change:n} {unit} give {implied:n1}%, not {stated:n}%.",
    },
    fromToGrowth: {
      vi: "{subject}: từ {from:n} đến {to:n} là thay đổi {implied:n1}%, không phải {stated:n}%.",
      en: "{subject}: from {from:n} to {to:n} is a change of {implied:n1}%, not {stated:n}%.",
    },
    fromToPoints: {
      vi: "{subject}: từ {from:n}% đến {to:n}% là thay đổi {implied:n} điểm phần trăm, không phải {stated:n}.",
      en: "{subject}: from {from:n}% to {to:n}% is a change of {implied:n} points, not {stated:n}.",
    },
    contributionAboveGrowth: {
      vi: "{subject}: tăng {growth:n}% thì đóng góp vào mức tăng chung không thể vượt {growth:n} điểm phần trăm; câu ghi {contribution:n} điểm phần trăm.",
      en: "{subject}: a growth of {growth:n}% cannot contribute more than {growth:n} points to the total; the sentence says {contribution:n}.",
    },
    contributionsAboveTotal: {
      vi: "Các mức đóng góp {list:n} điểm phần trăm cộng lại {sum:n}, lớn hơn mức tăng chung {total:n}% ({subject}); hãy kiểm tra.",
      en: "The contributions {list:n} points add up to {sum:n}, more than the total growth of {total:n}% ({subject}); please check.",
    },
  },
});

export const DOUBLE_SIGN = defineRule({
  id: "double-sign",
  severity: "error",
  scope: "text",
  name: "Dấu trừ trước số sau “tăng/giảm”",
  nameEn: "A sign after “up/down”",
  description:
    "“Giảm -3,8%” nói hai lần chiều thay đổi và có thể hiểu ngược (giảm một số âm là tăng); “tăng -2%” tự mâu thuẫn. Động từ đã nói chiều: bỏ dấu trước con số.",
  descriptionEn:
    "“Down -3.8%” states the direction twice and reads backwards (down by a negative is up); “up -2%” contradicts itself. The verb gives the direction: drop the sign.",
  options: {},
  messages: {
    signAfterVerb: {
      vi: '"{excerpt}": động từ "{verb}" đã nói chiều thay đổi; dấu "{sign}" trước con số làm câu có thể hiểu ngược. Bỏ dấu trước số.',
      en: '"{excerpt}": the verb "{verb}" already gives the direction; the "{sign}" before the number can reverse it. Drop the sign.',
    },
  },
});

export const CLAIM_CONSISTENCY = defineRule({
  id: "claim-consistency",
  severity: "warning",
  scope: "text",
  name: "Hai câu nói khác nhau về cùng một chỉ tiêu",
  nameEn: "Two sentences that disagree about one indicator",
  description:
    "Trong một đoạn, cùng một chỉ tiêu, cùng kỳ so sánh, không thể vừa “tăng 6,5%” vừa “gấp 7 lần”: một trong hai con số sai (thường “lần” bị ghi thành “%”).",
  descriptionEn:
    "Within one paragraph, one indicator against one base cannot be both “up 6.5%” and “7 times”: one of the two is wrong (often “times” written as “%”).",
  options: {},
  messages: {
    growthAgainstMultiple: {
      vi: '{subject}: "{excerpt}" (tức gấp {implied:n2} lần) không khớp với "{other}" ở câu khác trong đoạn; hãy kiểm tra (có thể "{value:n} lần" bị ghi thành "{value:n}%").',
      en: '{subject}: "{excerpt}" ({implied:n2} times) disagrees with "{other}" elsewhere in the paragraph; please check ("{value:n} times" written as "{value:n}%"?).',
    },
  },
});

export const NUMBER_FORMAT = defineRule({
  id: "number-format",
  severity: "info",
  severities: ["info", "warning"],
  scope: "both",
  name: "Số viết theo kiểu khác hoặc nhập nhằng",
  nameEn: "A number in the other style, or one that reads two ways",
  description:
    "Văn bản viết số theo kiểu Việt Nam (1.235,6) nhưng có số viết kiểu Anh (33.7%, 1,235.6), hoặc ngược lại: người đọc và máy có thể hiểu sai (25.500 là hai mươi lăm nghìn năm trăm hay hai mươi lăm phẩy năm?). Trong biểu: số viết nhập nhằng được đọc theo kiểu của các số khác trên trang (ghi chú), hoặc theo độ lớn của các số cùng dòng khi trang không cho biết (cảnh báo).",
  descriptionEn:
    "The text writes numbers the Vietnamese way (1.235,6) but some the English way (33.7%, 1,235.6), or the reverse: readers and software may misread them (is 25.500 twenty-five thousand five hundred or twenty-five point five?). In tables: a number that reads two ways is read in the style of the sheet's other numbers (a note), or by the size of the figures beside it when the sheet shows no style (a warning).",
  options: {},
  messages: {
    otherStyle: {
      vi: '"{excerpt}": số {written} viết kiểu {style}, khác với các số khác của văn bản ({count} số viết kiểu {documentStyle}); nên viết {suggested}.',
      en: '"{excerpt}": {written} is written the {style} way, unlike the text\'s other numbers ({count} written the {documentStyle} way); write {suggested}.',
    },
    styleVi: { vi: "Việt Nam", en: "Vietnamese" },
    styleEn: { vi: "Anh", en: "English" },
  },
});

export const VERB_TYPO = defineRule({
  id: "verb-typo",
  severity: "warning",
  scope: "text",
  name: "Động từ tăng/giảm gõ nhầm",
  nameEn: "A mistyped up/down verb",
  description:
    "Một từ gần giống “tăng” hoặc “giảm” đứng ngay trước một tỷ lệ (“găng 3,54%”): có lẽ gõ nhầm, và con số không được hiểu là mức tăng hay giảm.",
  descriptionEn:
    "A word one letter off “tăng” (up) or “giảm” (down) right before a percentage (“găng 3,54%”): probably a typo, and the figure cannot be read as a change.",
  options: {},
  messages: {
    mistypedVerb: {
      vi: '"{excerpt}": "{word}" có lẽ là "{verb}" gõ nhầm.',
      en: '"{excerpt}": "{word}" is probably a mistyped "{verb}".',
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const isSamePeriodBasis = (claim: Claim) => !claim.basis || /cung ky|nam truoc|nam ngoai|\d{4}/.test(fold(claim.basis));

/** The first index at or after an offset, in items ordered by their offset (marks, or claims in text order). */
function firstAtOrAfter<T>(items: readonly T[], offset: number, offsetOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const claimOffset = (c: Claim) => c.offset;
const indexAt = (claims: readonly Claim[], offset: number) => firstAtOrAfter(claims, offset, claimOffset);

/** How far back in its sentence a claim's level, growth or rate is looked for: the clause around it, not the whole of a run-on sentence. */
const NEAR_CLAIMS = 8;

/** The sentence's claims just before a claim, nearest first. */
function before(ctx: TextContext, claim: Claim): Claim[] {
  const sentence = ctx.sentences[sentenceOf(ctx, claim)];
  const at = indexAt(sentence, claim.offset);
  return sentence.slice(Math.max(0, at - NEAR_CLAIMS), at).reverse();
}

function sentenceOf(ctx: TextContext, claim: Claim): number {
  const index = ctx.places.sentenceIndex(claim.offset);
  // ctx.sentences holds only sentences with claims: find by the first claim's sentence.
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.places.sentenceIndex(ctx.sentences[mid][0].offset) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The level a change is about: the nearest value before it in the sentence, of the same subject and unit. */
function levelFor(ctx: TextContext, claim: Claim, unit: string): Claim | null {
  for (const c of before(ctx, claim))
    if (c.kind === "value" && c.subject === claim.subject && c.unit !== "%" && c.from === undefined && fold(c.unit ?? "") === fold(unit))
      return c;
  return null;
}

interface Implied {
  level: Claim;
  /** The change in the level's scale, signed as the growth. */
  change: number;
  growth: number;
  /** How far the growth may be off by the rounding of the figures it comes from. */
  slack: number;
}

/**
 * The growth a level and an absolute change give: "22,4 triệu đồng (tăng 7,7%, tương ứng 1,6 triệu
 * đồng)" → 1,6 / (22,4 − 1,6). Both are rounded, so the slack is what their last decimals allow:
 * d(C/(L−C)) = (hC·L + hL·C)/(L−C)².
 */
function impliedGrowth(ctx: TextContext, claim: Claim): Implied | null {
  let change: { value: number; decimals: number; scale: number; unit: string } | null = null;
  let sign = Math.sign(claim.value);
  if (claim.kind === "growth" && claim.equivalent && !claim.unitMissing) change = claim.equivalent;
  else if (claim.kind === "change" && claim.relative && claim.unit && claim.scale !== undefined) {
    change = { value: Math.abs(claim.value), decimals: claim.decimals, scale: claim.scale, unit: claim.unit.split(" ")[0] };
    sign = Math.sign(claim.value) || 1;
  }
  if (!change) return null;
  const level = levelFor(ctx, claim, change.unit);
  if (!level || level.scale === undefined || fold(level.unit ?? "").split(" ")[0] !== fold(change.unit)) return null;
  const size = (change.value * change.scale) / level.scale;
  const previous = level.value - sign * size;
  if (previous <= 0 || level.value <= 0) return null;
  const hL = 0.5 * 10 ** -level.decimals;
  const hC = (0.5 * 10 ** -change.decimals * change.scale) / level.scale;
  return {
    level,
    change: sign * size,
    growth: ((level.value - previous) / previous) * 100,
    slack: (100 * (hC * level.value + hL * size)) / previous ** 2,
  };
}

/** The number as written at a claim's number. */
function writtenNumber(ctx: TextContext, claim: Claim): string {
  const at = claim.numberOffset ?? claim.offset;
  return /^\d[\d.,]*\d|^\d/.exec(ctx.text.slice(at, at + 32))?.[0] ?? "";
}

const STOP_WORDS = new Set(
  "tong so luot gia tri uoc dat tinh nam thang quy dau cuoi trong cua va cac nhung cho voi ca duoc tang giam cao thap manh nhe hon tren gan khoang dia ban toan tinh ke cung ky nay la thi da se van con muc luong".split(
    " ",
  ),
);

/** The words that name a subject ("khách du lịch"): of its last part, or of the whole. */
function subjectWords(subject: string, lastPart: boolean): Set<string> {
  const part = lastPart ? (subject.split(/,\s+/).pop() ?? "") : subject;
  return new Set(words(fold(part)).filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d/.test(w)));
}

function includesAll(large: ReadonlySet<string>, small: ReadonlySet<string>): boolean {
  if (small.size < 2) return false;
  for (const w of small) if (!large.has(w)) return false;
  return true;
}

/**
 * Whether two subjects name one thing: the words of one's last part (two at least) all among the
 * other's words ("khách du lịch tăng cao" and "Tổng lượt khách tham quan, lưu trú du lịch").
 */
function sameThing(a: string, b: string): boolean {
  return includesAll(subjectWords(b, false), subjectWords(a, true)) || includesAll(subjectWords(a, false), subjectWords(b, true));
}

/** The period labels of a claim's sentence ("6 tháng", "quý II"), as one key. */
function periodKey(ctx: TextContext, claim: Claim, cache: Map<number, string>): string {
  const s = sentenceOf(ctx, claim);
  let key = cache.get(s);
  if (key === undefined) {
    key = ctx.sentences[s]
      .filter((c) => c.kind === "period" && c.period)
      .map((c) => c.period?.label)
      .join("|");
    cache.set(s, key);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const baseYearText = textRule(BASE_YEAR, (ctx) => {
  if (ctx.reportYear === null) return [];
  const reportYear = ctx.reportYear;
  return comparisonYearIssues(ctx.text, reportYear, ctx.folded).map((issue) => {
    const place = ctx.places.at(issue.index);
    return {
      rule: BASE_YEAR.id,
      severity: issue.severity,
      ...place,
      excerpt: excerptAround(ctx.text, issue.index, 4),
      message: issue.message,
      messageEn: issue.messageEn,
      expected: reportYear - 1,
      actual: issue.year,
    };
  });
});

const indexAsGrowth = textRule(INDEX_AS_GROWTH, (ctx) => {
  const out: TextFinding[] = [];
  const from = ctx.option(INDEX_AS_GROWTH, "indexAsGrowthFrom");
  for (const claim of ctx.claims) {
    if (claim.kind !== "growth" || claim.unitMissing || claim.value < from) continue;
    const implied = impliedGrowth(ctx, claim);
    const tol = roundingTolerance(claim.decimals);
    if (implied && Math.abs(implied.growth - (claim.value - 100)) <= Math.max(tol, implied.slack)) {
      out.push(
        reportText(
          ctx,
          INDEX_AS_GROWTH,
          "provenByFigures",
          {
            subject: claim.subject,
            excerpt: claim.excerpt,
            level: implied.level.value,
            unit: implied.level.unit ?? "",
            change: Math.abs(implied.change),
            growth: implied.growth,
            index: 100 + implied.growth,
          },
          { claim, severity: "error", expected: implied.growth, actual: claim.value },
        ),
      );
    } else if (ctx.profile(claim).measure === "index") {
      // Without figures it may be real growth: a warning to check, and no figure put in its place.
      const times = 1 + claim.value / 100;
      out.push(
        reportText(
          ctx,
          INDEX_AS_GROWTH,
          "indexSubject",
          { subject: claim.subject, excerpt: claim.excerpt, value: claim.value, times },
          { claim, actual: claim.value },
        ),
      );
    }
  }
  return out;
});

const growthAsIndex = textRule(GROWTH_AS_INDEX, (ctx) => {
  const out: TextFinding[] = [];
  const below = ctx.option(GROWTH_AS_INDEX, "growthAsIndexBelow");
  for (const claim of ctx.claims) {
    if (claim.kind !== "index" || claim.value >= below || !isSamePeriodBasis(claim)) continue;
    // The sentence says the figure rose ("tăng thấp, chỉ đạt 3,01% so với cùng kỳ"); a growth rate's
    // own level ("tăng trưởng đạt 3% so với cùng kỳ", "tốc độ tăng đạt …") is no index.
    const lead = fold(claim.subject) + " " + ctx.folded.slice(Math.max(0, claim.offset - 30), claim.offset);
    if (!/\btang\b(?!\s+(truong|gap))/.test(lead) || /\b(toc do|muc) tang\b/.test(lead)) continue;
    out.push(
      reportText(
        ctx,
        GROWTH_AS_INDEX,
        "growthWrittenAsIndex",
        { subject: claim.subject, excerpt: claim.excerpt, value: claim.value, fall: 100 - claim.value },
        { claim, actual: claim.value },
      ),
    );
  }
  return out;
});

const exceedPercent = textRule(EXCEED_PERCENT, (ctx) =>
  ctx.claims
    .filter((c) => c.kind === "exceedPercent" && c.value >= 100)
    .map((claim) =>
      reportText(
        ctx,
        EXCEED_PERCENT,
        "exceedsByHundred",
        { excerpt: claim.excerpt, value: claim.value, reached: 100 + claim.value, over: claim.value - 100 },
        { claim },
      ),
    ),
);

const growthMultiple = textRule(GROWTH_MULTIPLE, (ctx) => {
  const out: TextFinding[] = [];
  const from = ctx.option(GROWTH_MULTIPLE, "growthMultipleFrom");
  const indexFrom = ctx.option(INDEX_AS_GROWTH, "indexAsGrowthFrom");
  for (const claim of ctx.claims) {
    if (claim.kind === "growth" && !claim.unitMissing && claim.value >= from) {
      const times = 1 + claim.value / 100;
      const at = { claim, expected: times, actual: claim.value };
      // An index's growth this large is index-as-growth's to report.
      if (claim.value >= indexFrom && ctx.profile(claim).measure === "index") continue;
      out.push(reportText(ctx, GROWTH_MULTIPLE, "largeGrowth", { excerpt: claim.excerpt, from, times }, at));
    } else if (claim.kind === "multiple" && claim.verb?.startsWith("tang")) {
      out.push(
        reportText(
          ctx,
          GROWTH_MULTIPLE,
          "ambiguousTimes",
          { excerpt: claim.excerpt, value: claim.value, plusOne: claim.value + 1 },
          { claim },
        ),
      );
    }
  }
  return out;
});

/**
 * "đóng góp giảm CPI chung 0,45%", "làm chỉ số giá tăng 0,2%": a contribution to an index's change,
 * which is in points. A bare "đóng góp 95,91%" is GSO's share of the growth, in % rightly.
 */
const CONTRIBUTION_TO_INDEX = /\b(cpi|chi so|iip)\b/;
/** "vượt 12,4% số xã": a share of a count, that is a rate. */
const SHARE_OF_COUNT = /^\s*%\s*(so|tong so)\s+(?!voi\b|sanh\b|cung\b|ke hoach\b|kh\b)[a-z]/;

const ratePointsText = textRule(RATE_POINTS, (ctx) => {
  const out: TextFinding[] = [];
  const report = (claim: Claim, key: "textGrowthOfRate" | "textDifference" | "textExceedShare" | "textContribution") =>
    out.push(
      reportText(ctx, RATE_POINTS, key, { subject: claim.subject, excerpt: claim.excerpt, value: Math.abs(claim.value) }, { claim }),
    );
  for (const claim of ctx.claims) {
    if (claim.kind === "growth" && !claim.unitMissing) {
      const profile = ctx.profile(claim);
      if (profile.kind === "rate" && (profile.measure === "level" || profile.measure === "share")) report(claim, "textGrowthOfRate");
    } else if (claim.kind === "difference") {
      // A difference in % of two rates, or of a rate stated just before ("đạt 6,58%, thấp hơn 0,37% so với …").
      const profile = ctx.profile(claim);
      const rateBefore = before(ctx, claim).some(
        (c) => (c.kind === "value" && c.unit === "%") || c.kind === "growth" || c.kind === "share",
      );
      if (profile.kind === "rate" || rateBefore) report(claim, "textDifference");
    } else if (claim.kind === "exceedPercent") {
      const at = (claim.numberOffset ?? claim.offset) + writtenNumber(ctx, claim).length;
      if (SHARE_OF_COUNT.test(ctx.folded.slice(at, at + 40))) report(claim, "textExceedShare");
    } else if (claim.kind === "contribution" && !claim.inPoints) {
      if (CONTRIBUTION_TO_INDEX.test(ctx.folded.slice(claim.offset, claim.offset + claim.excerpt.length)))
        report(claim, "textContribution");
    }
  }
  return out;
});

const missingUnitText = textRule(MISSING_UNIT, (ctx) =>
  ctx.claims
    .filter((c) => c.kind === "growth" && c.unitMissing)
    .map((claim) => reportText(ctx, MISSING_UNIT, "textNoUnit", { excerpt: claim.excerpt, value: Math.abs(claim.value) }, { claim })),
);

const doubleSign = textRule(DOUBLE_SIGN, (ctx) =>
  ctx.claims
    .filter((c) => c.doubleSign)
    .map((claim) => {
      const at = claim.numberOffset ?? claim.offset;
      const sign = /[+\-−–]\s*$/.exec(ctx.text.slice(Math.max(0, at - 3), at))?.[0].trim() ?? "-";
      const verb = /^\S+/.exec(claim.excerpt)?.[0] ?? "";
      return reportText(ctx, DOUBLE_SIGN, "signAfterVerb", { excerpt: claim.excerpt, verb, sign }, { claim });
    }),
);

const claimArithmetic = textRule(CLAIM_ARITHMETIC, (ctx) => {
  const out: TextFinding[] = [];
  const indexFrom = ctx.option(INDEX_AS_GROWTH, "indexAsGrowthFrom");
  for (const claim of ctx.claims) {
    // A level with its change, and the growth stated with them.
    const implied = impliedGrowth(ctx, claim);
    if (implied) {
      const stated = claim.kind === "growth" ? claim.value : (claim.relative?.value ?? 0) * Math.sign(claim.value);
      const decimals = claim.kind === "growth" ? claim.decimals : (claim.relative?.decimals ?? 1);
      const off = (x: number) => Math.abs(implied.growth - x) > Math.max(roundingTolerance(decimals), implied.slack);
      // An index written as growth is index-as-growth's to report.
      if (off(stated) && !(stated >= indexFrom && !off(stated - 100)))
        out.push(
          reportText(
            ctx,
            CLAIM_ARITHMETIC,
            "levelAndChange",
            {
              subject: claim.subject,
              level: implied.level.value,
              unit: implied.level.unit ?? "",
              change: Math.abs(implied.change),
              implied: implied.growth,
              stated,
            },
            { claim, expected: implied.growth, actual: stated },
          ),
        );
    }
    if (claim.from !== undefined) out.push(...fromToFindings(ctx, claim));
  }
  out.push(...contributionFindings(ctx));
  return out;
});

/** "từ 85,75% lên 86,1%, tăng 0,35 điểm phần trăm", "từ 100 lên 120 tỷ đồng, tăng 20%": the change stated right after. */
function fromToFindings(ctx: TextContext, claim: Claim): TextFinding[] {
  const sentence = ctx.sentences[sentenceOf(ctx, claim)];
  let i = indexAt(sentence, claim.offset + 1);
  while (i < sentence.length && sentence[i].kind === "period") i++;
  const next = sentence[i];
  const from = claim.from as number;
  if (!next || next.subject !== claim.subject || from === 0) return [];
  const tol = roundingTolerance(Math.max(next.decimals, 0)) + 0.5 * 10 ** -claim.decimals;
  if (next.kind === "points" && claim.unit === "%") {
    const implied = claim.value - from;
    if (Math.abs(Math.abs(implied) - Math.abs(next.value)) > tol)
      return [
        reportText(
          ctx,
          CLAIM_ARITHMETIC,
          "fromToPoints",
          { subject: claim.subject, from, to: claim.value, implied: Math.abs(implied), stated: Math.abs(next.value) },
          { claim: next, expected: implied, actual: next.value },
        ),
      ];
  } else if (next.kind === "growth" && !next.unitMissing && claim.unit !== "%") {
    const implied = (claim.value / from - 1) * 100;
    const slack = 100 * 0.5 * 10 ** -claim.decimals * (1 / from + claim.value / from ** 2) + tol;
    if (Math.abs(Math.abs(implied) - Math.abs(next.value)) > slack)
      return [
        reportText(
          ctx,
          CLAIM_ARITHMETIC,
          "fromToGrowth",
          { subject: claim.subject, from, to: claim.value, implied: Math.abs(implied), stated: Math.abs(next.value) },
          { claim: next, expected: implied, actual: next.value },
        ),
      ];
  }
  return [];
}

/** The total a sentence's contributions add to: "GRDP … tăng 10,04%" earlier in the paragraph. */
const TOTAL_GROWTH_SUBJECT = /\b(grdp|gdp|tong san pham|tong gia tri tang them|toan nen kinh te|nen kinh te|tang truong kinh te)\b/;

/**
 * A sector's contribution in points is its growth times its weight (below 1): never more than its
 * growth (error). Sectors' contributions add to at most the total growth, taxes aside (warning).
 */
function contributionFindings(ctx: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const paragraph of ctx.paragraphs) {
    const contributions = paragraph.filter((c) => c.kind === "contribution" && c.inPoints);
    if (contributions.length === 0) continue;
    for (const c of contributions) {
      const growth = before(ctx, c).find((g) => g.kind === "growth" && !g.unitMissing && g.subject === c.subject);
      if (growth && growth.value > 0 && c.value > 0 && c.value > growth.value + roundingTolerance(Math.min(growth.decimals, c.decimals)))
        out.push(
          reportText(
            ctx,
            CLAIM_ARITHMETIC,
            "contributionAboveGrowth",
            { subject: c.subject, growth: growth.value, contribution: c.value },
            { claim: c, expected: growth.value, actual: c.value },
          ),
        );
    }
    // Sectors listed in one sentence after the total they share.
    const first = contributions[0];
    const total = paragraph
      .filter((g) => g.kind === "growth" && g.offset < first.offset && TOTAL_GROWTH_SUBJECT.test(fold(g.subject)))
      .pop();
    const listed = ctx.sentences[sentenceOf(ctx, first)].filter((c) => c.kind === "contribution" && c.inPoints);
    if (!total || listed.length < 2 || listed.some((c) => c.value < 0) || total.value <= 0) continue;
    const sum = listed.reduce((a, c) => a + c.value, 0);
    const tol = listed.reduce((a, c) => a + 0.5 * 10 ** -c.decimals, 0) + roundingTolerance(total.decimals);
    if (sum > total.value + tol)
      out.push(
        reportText(
          ctx,
          CLAIM_ARITHMETIC,
          "contributionsAboveTotal",
          {
            list: numberList(
              listed.map((c) => c.value),
              " + ",
            ),
            sum,
            total: total.value,
            subject: total.subject,
          },
          { claim: listed[listed.length - 1], severity: "warning", expected: total.value, actual: sum },
        ),
      );
  }
  return out;
}

/** "trong đó", "gồm", "bao gồm", "chia ra", "cụ thể": the parts of a total follow. */
const PARTS_MARK = /\b(trong do|bao gom|gom|chia ra|cu the)\b/g;
/** Whether a claim stands in brackets opened shortly before it ("(tăng 2.000 người)"). */
const inBrackets = (ctx: TextContext, claim: Claim) => {
  const near = ctx.text.slice(Math.max(0, claim.offset - 40), claim.offset);
  return near.lastIndexOf("(") > near.lastIndexOf(")");
};

/**
 * "Tổng thu 12.221 tỷ đồng; trong đó thu nội địa 10.152 tỷ đồng và thu xuất nhập khẩu 3.224 tỷ
 * đồng": the parts after the mark, in the total's unit, to the end of the sentence (or to the next
 * mark, which opens parts of its own). One part above the total is impossible (error, when the
 * total is in the same sentence); parts adding to more than it are a warning (the list may overlap).
 * "Cụ thể, …" opening a sentence takes its total from the sentence before.
 */
const componentTotalText = textRule(COMPONENT_TOTAL, (ctx) => {
  const out: TextFinding[] = [];
  const amount = (c: Claim) => c.value * (c.scale ?? 1);
  const unitOf = (c: Claim) => fold(c.unit ?? "").split(" ")[0];
  const isAmount = (c: Claim) =>
    c.kind === "value" && c.unit !== undefined && c.unit !== "%" && c.from === undefined && !inBrackets(ctx, c);
  const isNamedTotal = (c: Claim) => /^tong\b/.test(fold(c.subject));
  /** The total among amounts: the last named "Tổng …", else the last. */
  const totalOf = (amounts: readonly Claim[]) => [...amounts].reverse().find(isNamedTotal) ?? amounts[amounts.length - 1];
  // Every mark of the text, found in one pass (a search from each sentence would rescan the rest).
  const allMarks = [...ctx.folded.matchAll(PARTS_MARK)].map((m) => m.index ?? 0);
  for (let s = 0; s < ctx.sentences.length; s++) {
    const sentence = ctx.sentences[s];
    const index = ctx.places.sentenceIndex(sentence[0].offset);
    const last = sentence[sentence.length - 1];
    const end = last.offset + last.excerpt.length;
    const amounts = sentence.filter(isAmount);
    // The marks of this sentence, from its start (a mark may open it before its first claim).
    const marks: number[] = [];
    for (let i = firstAtOrAfter(allMarks, ctx.places.sentenceStart(index), (at) => at); i < allMarks.length && allMarks[i] < end; i++)
      marks.push(allMarks[i]);
    // Amounts before the current mark are amounts[0, next); the last named total among them, or the last.
    let next = 0;
    let named: Claim | null = null;
    for (let k = 0; k < marks.length; k++) {
      const mark = marks[k];
      const until = k + 1 < marks.length ? marks[k + 1] : end + 1;
      for (; next < amounts.length && amounts[next].offset < mark; next++) if (isNamedTotal(amounts[next])) named = amounts[next];
      let whole = named ?? (next > 0 ? amounts[next - 1] : undefined);
      const sameSentence = whole !== undefined;
      if (!whole) {
        // "Cụ thể, …": the total is in the sentence just before, in the same paragraph.
        const previous = ctx.sentences[s - 1];
        if (!previous || ctx.places.sentenceIndex(previous[0].offset) !== index - 1) continue;
        if (ctx.places.paragraphIndex(previous[0].offset) !== ctx.places.paragraphIndex(mark)) continue;
        whole = totalOf(previous.filter(isAmount));
        if (!whole) continue;
      }
      const parts: Claim[] = [];
      for (let i = next; i < amounts.length && amounts[i].offset < until; i++) if (amounts[i].offset > mark) parts.push(amounts[i]);
      const total = whole;
      const same = parts.filter((p) => unitOf(p) === unitOf(total) && p.subject !== total.subject);
      if (same.length === 0 || (!sameSentence && same.length < 2)) continue;
      const hedged = (c: Claim) => (c.hedge ? 0.03 : 0);
      const slack = (c: Claim) => 0.5 * 10 ** -c.decimals * (c.scale ?? 1) + hedged(c) * amount(c);
      const totalAmount = amount(total);
      const above = same.find((p) => amount(p) > totalAmount + slack(p) + slack(total));
      const sum = same.reduce((a, p) => a + amount(p), 0);
      const sumSlack = same.reduce((a, p) => a + slack(p), 0) + slack(total);
      const scale = total.scale ?? 1;
      if (above && sameSentence) {
        out.push(
          reportText(
            ctx,
            COMPONENT_TOTAL,
            "textPartAboveTotal",
            { part: above.subject, value: above.value, unit: above.unit ?? "", total: total.value, name: total.subject },
            { claim: above, expected: total.value, actual: above.value },
          ),
        );
      } else if (same.length >= 2 && sum > totalAmount + sumSlack) {
        const list = numberList(
          same.map((p) => amount(p) / scale),
          " + ",
        );
        out.push(
          reportText(
            ctx,
            COMPONENT_TOTAL,
            "textPartsAboveTotal",
            { parts: list, sum: sum / scale, total: total.value, name: total.subject },
            { claim: same[same.length - 1], severity: "warning", expected: total.value, actual: sum / scale },
          ),
        );
      }
    }
  }
  return out;
});

/** Shares of one whole told in one sentence ("chiếm 87,8%; … chiếm 12,1%"), or contributions in % to one growth, above 100. */
const shareTotalText = textRule(SHARE_TOTAL, (ctx) => {
  const out: TextFinding[] = [];
  for (const sentence of ctx.sentences) {
    for (const kind of ["share", "contribution"] as const) {
      const shares = sentence.filter((c) => c.kind === kind && (kind === "share" || !c.inPoints));
      if (shares.length < 2) continue;
      const sum = shares.reduce((a, c) => a + c.value, 0);
      const tol = shares.reduce((a, c) => a + 0.5 * 10 ** -c.decimals, 0) + 0.01;
      if (sum > 100 + tol)
        out.push(
          reportText(
            ctx,
            SHARE_TOTAL,
            "textSharesAbove",
            {
              shares: numberList(
                shares.map((c) => c.value),
                " + ",
              ),
              sum,
            },
            { claim: shares[shares.length - 1], severity: "warning", expected: 100, actual: sum },
          ),
        );
    }
  }
  return out;
});

/**
 * The most there can be of a count in Vietnam (a little above the country's whole): a figure above
 * it is a thousand-fold slip ("148.500 nghìn doanh nghiệp"). Units whose figures have no such
 * bound (tấn, lượt, đồng of a flow) are left out.
 */
const UNIT_CEILINGS: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/^(doanh nghiep|dn)\b/, 5e6, "5 triệu"],
  [/^(hop tac xa|htx)\b/, 5e5, "500 nghìn"],
  [/^(xa|phuong|thi tran)\b/, 2e4, "20 nghìn"],
  [/^(tinh|thanh pho)\b/, 100, "100"],
  [/^huyen\b/, 1e3, "1.000"],
  [/^(nguoi|lao dong|nhan khau)\b/, 2e8, "200 triệu"],
  [/^ho\b/, 5e7, "50 triệu"],
  [/^(truong|benh vien)\b/, 1e5, "100 nghìn"],
  [/^ha\b/, 5e7, "50 triệu"],
];

const unitScaleText = textRule(UNIT_SCALE, (ctx) => {
  const out: TextFinding[] = [];
  for (const claim of ctx.claims) {
    if (claim.kind !== "value" || !claim.unit || claim.scale === undefined) continue;
    const unit = fold(claim.unit);
    const ceiling = UNIT_CEILINGS.find(([re]) => re.test(unit));
    const amount = claim.value * claim.scale;
    if (!ceiling || amount <= ceiling[1]) continue;
    out.push(
      reportText(
        ctx,
        UNIT_SCALE,
        "textBeyondUnit",
        { excerpt: claim.excerpt, amount, unit: claim.unit, ceiling: ceiling[2] },
        { claim, severity: "warning", actual: amount },
      ),
    );
  }
  return out;
});

const numberFormat = textRule(NUMBER_FORMAT, (ctx) => {
  let vi = 0;
  let en = 0;
  for (const c of ctx.claims) {
    if (c.style === "vi") vi++;
    else if (c.style === "en") en++;
  }
  if (vi === 0 || en === 0) return [];
  // The style most numbers show; a tie goes to the Vietnamese style of official reports.
  const documentStyle = vi >= en ? "vi" : "en";
  const out: TextFinding[] = [];
  const seen = new Set<number>();
  for (const claim of ctx.claims) {
    if (!claim.style || claim.style === documentStyle || seen.has(claim.numberOffset ?? claim.offset)) continue;
    seen.add(claim.numberOffset ?? claim.offset);
    const written = writtenNumber(ctx, claim);
    const parsed = parseNumberText(written, claim.style);
    if (!parsed) continue;
    const styleName = (s: "vi" | "en") => phrase(NUMBER_FORMAT, s === "vi" ? "styleVi" : "styleEn", {});
    out.push(
      reportText(
        ctx,
        NUMBER_FORMAT,
        "otherStyle",
        {
          excerpt: claim.excerpt,
          written,
          style: styleName(claim.style),
          count: documentStyle === "vi" ? vi : en,
          documentStyle: styleName(documentStyle),
          suggested: formatNumber(parsed.value, parsed.decimals, documentStyle),
        },
        { claim },
      ),
    );
  }
  return out;
});

/** Words one letter off "tăng"/"giảm" that are words of their own before a figure. */
const REAL_WORDS = new Set([
  "bang",
  "dang",
  "nang",
  "sang",
  "mang",
  "hang",
  "vang",
  "lang",
  "rang",
  "cang",
  "tong",
  "tung",
  "thang",
  "trang",
  "tan",
  "gia",
  "gian",
  "giao",
  "giai",
  "diam",
]);

function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const MAYBE_VERB = /(?<![\p{L}\d])(\p{L}{2,6})\s+(?=[+\-−–]?\d[\d.,]*\s*%)/gu;

const verbTypo = textRule(VERB_TYPO, (ctx) => {
  const out: TextFinding[] = [];
  for (const m of ctx.text.matchAll(MAYBE_VERB)) {
    const word = m[1];
    const folded = fold(word);
    if (REAL_WORDS.has(folded)) continue;
    const verb = oneEditApart(folded, "tang") ? "tăng" : oneEditApart(folded, "giam") ? "giảm" : null;
    if (!verb) continue;
    const offset = m.index ?? 0;
    // The word and the figure after it: "găng 3,54%".
    const figure = /^[+\-−–]?\d[\d.,]*\s*%/.exec(ctx.text.slice(offset + m[0].length))?.[0] ?? "";
    const excerpt = `${m[0]}${figure}`.replace(/\s+/g, " ");
    out.push(reportText(ctx, VERB_TYPO, "mistypedVerb", { excerpt, word, verb }, { offset, excerpt }));
  }
  return out;
});

/**
 * A growth and a multiple of one subject in one paragraph, against the same period, that disagree:
 * "tăng gần 6,5%" and "gấp 7 lần" (1,065 against 7).
 */
/** How far apart (characters) a growth and a multiple are compared: the paragraph around, not a whole run-on text. */
const CONSISTENCY_SPAN = 2000;

const claimConsistency = textRule(CLAIM_CONSISTENCY, (ctx) => {
  const out: TextFinding[] = [];
  const periods = new Map<number, string>();
  for (const paragraph of ctx.paragraphs) {
    const multiples = paragraph.filter(
      (c) => c.kind === "multiple" && c.value >= 2 && isSamePeriodBasis(c) && !/ke hoach|kh\b/.test(fold(c.basis ?? "")),
    );
    if (multiples.length === 0) continue;
    for (const growth of paragraph) {
      if (growth.kind !== "growth" || growth.unitMissing || !isSamePeriodBasis(growth)) continue;
      const implied = 1 + growth.value / 100;
      const sentence = ctx.places.sentenceIndex(growth.offset);
      let other: Claim | undefined;
      for (let i = indexAt(multiples, growth.offset - CONSISTENCY_SPAN); i < multiples.length && !other; i++) {
        const m = multiples[i];
        if (m.offset > growth.offset + CONSISTENCY_SPAN) break;
        if (
          ctx.places.sentenceIndex(m.offset) !== sentence &&
          (m.value / implied > 1.5 || implied / m.value > 1.5) &&
          sameThing(growth.subject, m.subject) &&
          periodKey(ctx, m, periods) === periodKey(ctx, growth, periods)
        )
          other = m;
      }
      if (!other) continue;
      out.push(
        reportText(
          ctx,
          CLAIM_CONSISTENCY,
          "growthAgainstMultiple",
          { subject: growth.subject, excerpt: growth.excerpt, implied, other: other.excerpt, value: growth.value },
          { claim: growth, expected: other.value, actual: implied },
        ),
      );
    }
  }
  return out;
});

/** Every check of the text without a workbook, in the order of the registry's records. */
export const TEXT_RULES: readonly TextRule[] = [
  baseYearText,
  indexAsGrowth,
  growthAsIndex,
  exceedPercent,
  growthMultiple,
  ratePointsText,
  missingUnitText,
  doubleSign,
  claimArithmetic,
  componentTotalText,
  shareTotalText,
  unitScaleText,
  claimConsistency,
  numberFormat,
  verbTypo,
];
