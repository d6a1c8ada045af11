// The indicator catalogue: what an indicator is (kind, measure), which way is better, and the
// names, aliases and abbreviations it goes by. Data, not code: the defaults live in
// catalogueData.ts and a user extends or overrides them with entries of the same shape.

import { fold, words } from "./text";
import { splitScale } from "./units";

/**
 * absolute: a level or a flow in its unit; rate: a percentage or per-mille compared in points;
 * index: an index with a base of 100 (CPI, previous year = 100); coefficient: a ratio on its own
 * scale (HDI 0–1, GINI, ICOR); other: none of these.
 */
export const INDICATOR_KINDS = ["absolute", "rate", "index", "coefficient", "other"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * flow: accumulates through the year (thu ngân sách, giá trị sản xuất, lượt khách);
 * stock: a level at a date (dân số, số xã đạt chuẩn); ratio: per-something (USD/người) or a
 * coefficient's own scale (HDI, GINI, ICOR); level: a rate in 0–100 (tỷ lệ); share: a part of a
 * structure (cơ cấu); growth: a rate of change, which may be negative and has no 0–100 range
 * (tốc độ tăng GRDP, tỷ lệ tăng dân số tự nhiên, mức giảm tỷ lệ hộ nghèo); index: an index where
 * the previous period is 100 (CPI, IIP).
 */
export type Measure = "flow" | "stock" | "ratio" | "level" | "share" | "growth" | "index";

export type Direction = "higher" | "lower";

export type IndicatorGroup = "kinh-te" | "xa-hoi" | "moi-truong" | "khac";

export interface CatalogueEntry {
  id: string;
  name: string;
  /** Other names, in any case and with or without diacritics. */
  aliases?: string[];
  unit?: string;
  kind: IndicatorKind;
  measure: Measure;
  direction: Direction;
  group?: IndicatorGroup;
  /** Plausible growth band in percent [low, high] for year-over-year checks. */
  growthBand?: [number, number];
}

export interface Catalogue {
  entries: CatalogueEntry[];
  /** Folded abbreviation → folded expansion ("nsnn" → "ngan sach nha nuoc"). */
  abbreviations: Record<string, string>;
}

export interface IndicatorProfile {
  kind: IndicatorKind;
  measure: Measure | null;
  direction: Direction;
  /** The catalogue entry matched, if any. */
  entry: CatalogueEntry | null;
}

/**
 * Adds a user's entries and abbreviations. An entry with an existing id replaces it, and the
 * user's entries come first, so that they win over a default entry of the same name.
 */
export function extendCatalogue(base: Catalogue, extra: Partial<Catalogue>): Catalogue {
  const userEntries = extra.entries ?? [];
  const replaced = new Set(userEntries.map((e) => e.id));
  const abbreviations = { ...base.abbreviations };
  for (const [k, v] of Object.entries(extra.abbreviations ?? {})) abbreviations[fold(k)] = fold(v);
  return { entries: [...userEntries, ...base.entries.filter((e) => !replaced.has(e.id))], abbreviations };
}

/** Checks a user's catalogue file; returns the problems found, in Vietnamese and English. */
export function catalogueProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== "object" || value === null) return ["Danh mục phải là một đối tượng JSON / the catalogue must be a JSON object"];
  const { entries, abbreviations } = value as Record<string, unknown>;
  if (entries !== undefined && !Array.isArray(entries)) problems.push("'entries' phải là một mảng / 'entries' must be an array");
  if (Array.isArray(entries)) {
    entries.forEach((e: unknown, i) => {
      const entry = e as Record<string, unknown>;
      if (typeof entry?.id !== "string" || typeof entry?.name !== "string")
        problems.push(`entries[${i}]: thiếu 'id' hoặc 'name' / missing 'id' or 'name'`);
      if (!(INDICATOR_KINDS as readonly string[]).includes(entry?.kind as string))
        problems.push(`entries[${i}]: 'kind' phải là absolute, rate, index, coefficient hoặc other / bad 'kind'`);
      if (!["flow", "stock", "ratio", "level", "share", "growth", "index"].includes(entry?.measure as string))
        problems.push(`entries[${i}]: 'measure' không hợp lệ / bad 'measure'`);
      if (!["higher", "lower"].includes(entry?.direction as string))
        problems.push(`entries[${i}]: 'direction' phải là higher hoặc lower / bad 'direction'`);
    });
  }
  if (abbreviations !== undefined && (typeof abbreviations !== "object" || abbreviations === null || Array.isArray(abbreviations))) {
    problems.push("'abbreviations' phải là một đối tượng / 'abbreviations' must be an object");
  }
  return problems;
}

/**
 * A name read head-first. A Vietnamese indicator name starts with its head noun phrase ("Tỷ lệ hộ
 * nghèo", "Kim ngạch xuất khẩu"); what follows ("so với…", "của…", "trên địa bàn", "theo giá…")
 * qualifies it. Order marks ("1.", "-", "*."), connectors ("Trong đó:"), quantifiers ("Tổng",
 * "Số") and a target verb ("Giảm tỷ lệ…") come before the head and are taken off.
 */
interface NameReading {
  /** The folded name as written, parentheses kept: "(năm trước = 100)", "(%)", "(GINI)". */
  folded: string;
  /** The words from the head on, without parentheses, abbreviations expanded, fillers dropped. */
  words: string[];
  /** Where the first qualifier starts in words; words.length when there is none. */
  headEnd: number;
  /** The target verb taken off the start: "Giảm tỷ lệ hộ nghèo" → "giam", "Nâng tỷ lệ…" → "tang". */
  verb: "giam" | "tang" | null;
}

interface Phrase {
  words: string[];
  entry: CatalogueEntry;
}

/** How a unit reads: a rate's (%, ‰, điểm %), a score's (điểm), an amount's (tỷ đồng, xã, người), none. */
interface UnitClass {
  percent: boolean;
  perMille: boolean;
  points: boolean;
  score: boolean;
  /** A thing counted or measured: money, weight, area, people, communes, schools… Never a rate. */
  amount: boolean;
  /** An amount per something: "USD/người", "người/km2". */
  ratio: boolean;
}

const LEADING_MARK = new RegExp(
  "^(?:" +
    [
      // Connectors before a component: "Trong đó:", "Tr.đó:", "T.đó", "Chia ra:", "Bao gồm", "Riêng".
      "(?:trong do|tr\\s*\\.?\\s*do|t\\s*\\.\\s*do|trd|trong so|chia ra|bao gom|rieng|cu the)(?=[\\s:.,;\\-–]|$)",
      // Order marks: "1.", "1.2.", "II.", "a)", "3/".
      "(?:\\d+(?:\\.\\d+)*|[ivxlc]+|[a-z])[.):/](?!\\d)",
      "\\d+(?:\\.\\d+)*(?=\\s)",
      // Dashes, bullets, stars, stray punctuation: "- ", "+", "*.", "•".
      "[\\s\\-+*•·–—.:;,=>)\\]]+",
    ].join("|") +
    ")",
);

/** Spelling variants folded to one form: "tỉ lệ" = "tỷ lệ", "bác sỹ" = "bác sĩ". */
const SPELLING: Readonly<Record<string, string>> = { ti: "ty", sy: "si", ki: "ky", li: "ly" };
/** Words that change nothing in a name: "được", "bị", "và". */
const FILLERS = new Set(["duoc", "bi", "va"]);
const CONNECTOR_WORDS = [["trong", "do"], ["tr", "do"], ["trong", "so"], ["chia", "ra"], ["bao", "gom"], ["rieng"]];
/** Quantifiers before the head; "tổng sản phẩm" (GDP) is a noun of its own and keeps its "tổng". */
const QUANTIFIERS = [["tong", "so"], ["tong", "cong"], ["so", "luong"], ["toan", "bo"], ["tong"], ["so"], ["cac"], ["nhung"]];
/** Target verbs before a rate or a count: "Giảm tỷ lệ hộ nghèo", "Nâng tỷ lệ…", "Phấn đấu đạt…". */
const VERBS: Array<[string[], "giam" | "tang" | null]> = [
  [["phan", "dau", "dat"], null],
  [["phan", "dau"], null],
  [["duy", "tri"], null],
  [["giam"], "giam"],
  [["nang", "cao"], "tang"],
  [["nang"], "tang"],
  [["tang"], "tang"],
];
const VERB_OBJECTS = new Set(["ty", "so", "tong", "co"]);
/** Where the qualifiers of a head start. */
const QUALIFIERS = [
  ["so", "voi"],
  ["so", "cung"],
  ["so", "ke"],
  ["so", "tong"],
  ["so", "nam"],
  ["so", "thang"],
  ["so", "ky"],
  ["cua"],
  ["tren", "dia", "ban"],
  ["theo"],
  ["tai"],
  ["thuoc"],
  ["trong", "tong"],
  ["phan", "theo"],
  ["chia", "theo"],
];
const QUALIFIER_START = new Set(QUALIFIERS.map((q) => q[0]));
/** Heads that say what kind of figure follows; an alias that is nothing but one of them binds nothing. */
const STRUCTURAL_HEADS = new Set([
  "ty le",
  "ty trong",
  "ty suat",
  "co cau",
  "chi so",
  "he so",
  "toc do",
  "toc do tang",
  "toc do tang truong",
  "tang truong",
  "muc tang",
  "muc giam",
  "binh quan",
  "binh quan dau nguoi",
]);
const STRUCTURAL_START = /^(ty le|ty trong|ty suat|co cau|chi so|he so|toc do|tang truong|muc tang|muc giam)\b/;
const QUALIFIER_OPENING = /^(so voi|so cung|so ke|cua|theo|tai|thuoc|tren dia ban|trong tong|phan theo|chia theo)\b/;
const RATE_HEADS = [
  ["ty", "le"],
  ["ty", "trong"],
  ["ty", "suat"],
  ["co", "cau"],
];

const LEAD_WORDS = new Set([...CONNECTOR_WORDS, ...QUANTIFIERS, ...VERBS.map(([v]) => v)].map((w) => w[0]));

function startsWith(ws: readonly string[], phrase: readonly string[], at = 0): boolean {
  if (at + phrase.length > ws.length) return false;
  for (let j = 0; j < phrase.length; j++) if (ws[at + j] !== phrase[j]) return false;
  return true;
}

/** Takes off what comes before the head: connectors, quantifiers and (for names) a target verb. */
function stripLead(ws: string[], withVerb: boolean): { words: string[]; verb: "giam" | "tang" | null } {
  let verb: "giam" | "tang" | null = null;
  let at = 0;
  for (let changed = true; changed && at < ws.length && LEAD_WORDS.has(ws[at]);) {
    changed = false;
    for (const c of CONNECTOR_WORDS) {
      if (startsWith(ws, c, at)) {
        at += c.length;
        changed = true;
        break;
      }
    }
    if (changed) continue;
    for (const q of QUANTIFIERS) {
      if (!startsWith(ws, q, at) || at + q.length >= ws.length) continue;
      const next = ws[at + q.length];
      if (q[q.length - 1] === "tong" && next === "san" && ws[at + q.length + 1] === "pham") continue;
      if (q[0] === "so" && q.length === 1 && next === "voi") continue;
      at += q.length;
      changed = true;
      break;
    }
    if (changed || !withVerb || verb !== null) continue;
    for (const [v, meaning] of VERBS) {
      if (startsWith(ws, v, at) && VERB_OBJECTS.has(ws[at + v.length] ?? "")) {
        at += v.length;
        verb = meaning ?? verb;
        changed = true;
        break;
      }
    }
  }
  return { words: ws.slice(at), verb };
}

/** The name without its parentheses (units, abbreviations, prices), but with a base: "(tháng trước = 100)". */
function foldedWithoutParentheses(folded: string): string {
  if (!folded.includes("(") && !folded.includes("[")) return folded;
  let out = folded;
  for (let i = 0; i < 3 && out.includes("("); i++)
    out = out.replace(/\([^()]*\)?/g, (g) => (BASE_100.test(g) ? g.replace(/[()]/g, " ") : " "));
  out = out.replace(/\[[^\]]*\]?/g, " ");
  return /[a-z]/.test(out) ? out : folded.replace(/[()]/g, " ");
}

function stripMarks(text: string): string {
  let out = text.trim();
  for (let i = 0; i < 20; i++) {
    const m = LEADING_MARK.exec(out);
    if (!m || m[0].length === 0) break;
    out = out.slice(m[0].length).trim();
  }
  return out;
}

// Per head, per worker, per 100 inhabitants, per hectare: "trên 1 lao động", "trên 100 dân", "trên
// một héc ta" (not "trên địa bàn", the place a total is of).
const PER_UNIT = "tren (moi|mot|\\d[\\d., ]*|don vi) [a-z]";
const PER_CAPITA_REST = new RegExp(`(^|\\s)(dau nguoi|(binh quan )?(mot|1) nguoi|van dan)(\\s|$)|^nguoi(\\s|$)|(^|\\s)${PER_UNIT}`);
const PER_CAPITA = new RegExp(
  `\\b(dau nguoi|binh quan (mot|1) nguoi|van dan|mat do)\\b|\\/\\s*(nguoi|ng|van dan|km2?|ha|ho|xa)\\b|\\b${PER_UNIT}`,
);
const LOWER_IS_BETTER =
  /\b(ho ngheo|can ngheo|ngheo|that nghiep|thieu viec lam|gia tieu dung|lam phat|suy dinh duong|ty suat sinh|ty suat chet|tu vong|chet|tang dan so|nhap sieu|tai nan|chay no|chay rung|no xau|chon lap|o nhiem|vi pham|toi pham|ma tuy|bo hoc|hiv|bat binh dang|gini|icor)\b/;
/** Words that turn a bad thing into the work against it: "được xử lý", "thoát nghèo", "bảo hiểm thất nghiệp". */
const REMEDY = /\b(xu ly|khac phuc|thoat|kham pha|bao hiem|giam|phong chong|cai nghien|ho tro)\b/;
const GROWTH_HEAD = /^(toc do|tang truong|muc tang|muc giam|ty le (tang|giam)|ty suat (tang|giam))\b/;
const SHARE_HEAD = /^(co cau|ty trong)\b/;
const RATE_HEAD = /^(ty le|ty suat)\b/;
const COEFFICIENT = /^(he so|chi so phat trien con nguoi)\b/;
const COEFFICIENT_TOKEN = /\b(hdi|gini|icor)\b/;
const SCORE_NAME = /\b(nang luc canh tranh|pci|papi|par index|sipas|hai long|cai cach hanh chinh|chuyen doi so|dti|quan tri)\b/;
/** A row named by a period alone ("Tháng 12 năm báo cáo…") and compared with an earlier one. */
const PERIOD_HEAD = /^((thang|quy|nam|ky)\b|(\d+|sau|chin|ba) thang\b|binh quan thang\b)/;
const PERIOD_COMPARISON = /\bso (voi )?(.* )?(truoc|cung ky|goc)\b/;
const BASE_100 = /=\s*100\b/;
const FLOW_WORDS =
  /^(gia tri|muc ban le|kim ngach|doanh thu|doanh so|san luong|luot|khach|von|giai ngan|xuat khau|nhap khau|dien tich (gieo|trong)|thu (?!nhap)|chi (?!so|tieu)|lao dong (giai quyet|tao)|nguoi giai quyet|giai quyet viec lam|tao viec lam|thanh lap moi|day nghe|dao tao nghe)/;
const FLOW_FOUNDING = /^(doanh nghiep|hop tac xa)\b.*\b(thanh lap|dang ky)\b/;
const UNIT_WORDS =
  /^(dong|usd|vnd|tan|ta|kg|ha|m2|m3|km|km2|kwh|lit|nguoi|ng|ho|luot|xa|truong|doanh nghiep|dn|lao dong|san pham|htx|hop tac xa|du an|vu|bac si|giuong|chiec|cai|tre|hoc sinh|tuoi|co so|cong trinh|tieu chi|thue bao)\b/;

/** A unit written in the name when the unit column is empty: "Giá trị xuất khẩu (triệu USD)", "… (%)". */
function unitInName(folded: string): string {
  const groups = [...folded.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].trim()).reverse();
  for (const g of groups) if (looksLikeUnit(g)) return g;
  const tail = /\s(%|‰|usd|vnd)\s*$/.exec(folded);
  return tail ? tail[1] : "";
}

function looksLikeUnit(text: string): boolean {
  if (text === "" || text.includes("=") || text.split(" ").length > 3) return false;
  if (/^(%|‰|%o|0\/00|diem %|diem phan tram|phan tram)/.test(text)) return true;
  const { rest } = splitScale(text);
  return UNIT_WORDS.test(rest);
}

function classifyUnit(text: string): UnitClass {
  const f = fold(text)
    .replace(/^\(|\)$/g, "")
    .trim();
  const none: UnitClass = { percent: false, perMille: false, points: false, score: false, amount: false, ratio: false };
  if (f === "" || /^[-–—x.*/\s]+$/.test(f)) return none;
  if (/^(‰|%o|0\/00|phan (nghin|ngan))/.test(f)) return { ...none, perMille: true };
  if (/^diem\s*(%|phan tram)/.test(f)) return { ...none, points: true };
  if (f.startsWith("%") || /^phan tram\b/.test(f)) return { ...none, percent: true };
  if (/^diem( so)?$/.test(f)) return { ...none, score: true };
  if (BASE_100.test(f) || /^(lan|he so|chi so|t[yi] le|t[yi] so)$/.test(f)) return none;
  return { ...none, amount: true, ratio: f.includes("/") };
}

/**
 * Finds the catalogue entry of an indicator name by its head: an alias must match from the start of
 * the head (after order marks, connectors, quantifiers and a target verb), the longest winning. An
 * alias found only inside a qualifier ("… so với kim ngạch xuất khẩu", "… của dân số") binds nothing;
 * a head such as "Tỷ lệ X", "Tốc độ tăng X", "Chỉ số X" or "Cơ cấu X" only meets entries whose own
 * names start so, which are rates, growth rates, indices and shares of X.
 */
export class CatalogueMatcher {
  private readonly byFirstWord = new Map<string, Phrase[]>();
  private readonly cache = new Map<string, CatalogueEntry | null>();
  private readonly readings = new Map<string, NameReading>();
  private readonly profiles = new Map<string, Map<string, IndicatorProfile>>();

  private static readonly shared = new WeakMap<Catalogue, CatalogueMatcher>();

  /**
   * The matcher of a catalogue, built once: building indexes every name and alias, which costs
   * more than reading a small workbook, and a batch checks hundreds with the same catalogue.
   */
  static of(catalogue: Catalogue): CatalogueMatcher {
    let matcher = CatalogueMatcher.shared.get(catalogue);
    if (!matcher) CatalogueMatcher.shared.set(catalogue, (matcher = new CatalogueMatcher(catalogue)));
    return matcher;
  }

  constructor(readonly catalogue: Catalogue) {
    for (const entry of catalogue.entries) {
      for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
        const phraseWords = this.readName(alias, false).words;
        if (phraseWords.length === 0 || STRUCTURAL_HEADS.has(phraseWords.join(" "))) continue;
        const list = this.byFirstWord.get(phraseWords[0]) ?? [];
        list.push({ words: phraseWords, entry });
        this.byFirstWord.set(phraseWords[0], list);
      }
    }
    // Longest first; the sort is stable, so a user's entry wins a tie with a default one.
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private expand(ws: string[]): string[] {
    const out: string[] = [];
    for (const w of ws) {
      const expansion = this.catalogue.abbreviations[w];
      for (const x of expansion ? expansion.split(" ") : [w]) {
        const spelled = SPELLING[x] ?? x;
        if (spelled !== "" && !FILLERS.has(spelled)) out.push(spelled);
      }
    }
    return out;
  }

  private readName(name: string, withVerb = true): NameReading {
    const folded = fold(String(name ?? ""));
    const lead = stripMarks(foldedWithoutParentheses(folded));
    const { words: ws, verb } = stripLead(this.expand(words(lead)), withVerb);
    let headEnd = ws.length;
    for (let i = 1; i < ws.length && headEnd === ws.length; i++)
      if (QUALIFIER_START.has(ws[i]) && QUALIFIERS.some((q) => startsWith(ws, q, i))) headEnd = i;
    return { folded, words: ws, headEnd, verb };
  }

  private read(name: string): NameReading {
    let reading = this.readings.get(name);
    if (!reading) {
      if (this.readings.size > 50_000) this.readings.clear();
      reading = this.readName(name);
      this.readings.set(name, reading);
    }
    return reading;
  }

  /** The longest alias matching from the start of the words. */
  private phraseAt(ws: readonly string[]): Phrase | null {
    if (ws.length === 0) return null;
    for (const phrase of this.byFirstWord.get(ws[0]) ?? []) if (startsWith(ws, phrase.words)) return phrase;
    return null;
  }

  /** The entry the head names, unless what follows the alias changes what the figure is. */
  private entryOf(reading: NameReading, ws: readonly string[] = reading.words): CatalogueEntry | null {
    const phrase = this.phraseAt(ws);
    if (!phrase) return null;
    const covered = phrase.words.length;
    const rest = ws.slice(covered).join(" ");
    // "Tổng sản phẩm … bình quân đầu người" is not GRDP: a per-capita qualifier needs a per-capita entry.
    if (phrase.entry.measure !== "ratio" && PER_CAPITA_REST.test(rest)) return null;
    // "Tỷ lệ thất nghiệp giảm", "Kim ngạch xuất khẩu tăng": the change of X, not X.
    const change = trailingChange(reading);
    if (change !== null && ws === reading.words && change.at >= covered) return null;
    return phrase.entry;
  }

  match(name: string): CatalogueEntry | null {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const reading = this.read(name);
    let entry = this.entryOf(reading);
    // A subject in prose may open with an adverbial ("Sáu tháng đầu năm 2020, giá trị sản xuất công
    // nghiệp…"): when the opening names nothing and is not a structural head, the next clause's head may.
    if (entry === null && !STRUCTURAL_START.test(reading.words.join(" ")) && /[,;]/.test(reading.folded)) {
      for (const clause of foldedWithoutParentheses(reading.folded).split(/[,;]/).slice(1)) {
        const next = this.readName(clause);
        if (next.words.length > 0 && !QUALIFIER_OPENING.test(next.words.join(" ")) && (entry = this.entryOf(next)) !== null) break;
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(name, entry);
    return entry;
  }

  /** Kind, measure and direction of an indicator: from the catalogue, else from its name and unit. */
  profile(name: string, unitText: string): IndicatorProfile {
    let byUnit = this.profiles.get(name);
    if (!byUnit) {
      if (this.profiles.size > 50_000) this.profiles.clear();
      byUnit = new Map();
      this.profiles.set(name, byUnit);
    }
    let profile = byUnit.get(unitText);
    if (!profile) {
      profile = this.readProfile(name, unitText);
      byUnit.set(unitText, profile);
    }
    return profile;
  }

  private readProfile(name: string, unitText: string): IndicatorProfile {
    const reading = this.read(name);
    const written = String(unitText ?? "").trim();
    const unit = classifyUnit(written !== "" ? written : unitInName(reading.folded));
    const base100 = BASE_100.test(reading.folded) || BASE_100.test(fold(written));
    let entry = this.match(name);
    const rateUnit = unit.percent || unit.points || unit.perMille;

    // "Giảm X" counted in points, or in percent of an amount, is the size of the reduction: "Mức giảm X".
    if (reading.verb === "giam" && (unit.points || (unit.percent && entry?.kind === "absolute"))) {
      const reduction = this.entryOf(reading, ["muc", "giam", ...reading.words]);
      if (!reduction) return { kind: "rate", measure: "growth", direction: "higher", entry: null };
      entry = reduction;
    }
    if (!entry) return unit.amount && !base100 ? this.counted(reading, unit) : { ...inferProfile(reading, unit, base100), entry: null };
    // "Chỉ số X (năm trước = 100)", "X (năm trước = 100)": the index of X.
    if (base100) return { kind: "index", measure: "index", direction: entry.direction, entry };
    if (unit.amount && entry.kind === "rate") return this.counted(reading, unit);
    // A percent unit on an absolute entry means the sheet reports it as a rate ("Thu NS (% GRDP)").
    if (entry.kind === "absolute" && rateUnit) return { kind: "rate", measure: "level", direction: entry.direction, entry };
    return { kind: entry.kind, measure: entry.measure, direction: entry.direction, entry };
  }

  /**
   * A rate's wording counted in an amount's unit: "Tỷ lệ xã đạt chuẩn NTM" in "xã" is the number of
   * communes. A count is never a rate; the entry is the count's, when the catalogue has one.
   */
  private counted(reading: NameReading, unit: UnitClass): IndicatorProfile {
    const rateHead = RATE_HEADS.find((h) => startsWith(reading.words, h));
    if (rateHead) {
      const entry = this.entryOf(reading, stripLead(reading.words.slice(rateHead.length), false).words);
      if (entry && entry.kind === "absolute") return { kind: "absolute", measure: entry.measure, direction: entry.direction, entry };
    }
    return { ...inferProfile(reading, unit, false), entry: null };
  }
}

/** A change verb closing the head: "Tỷ lệ hộ nghèo giảm", "Thu ngân sách tăng so với cùng kỳ". */
function trailingChange(reading: NameReading): { verb: "giam" | "tang"; at: number } | null {
  const at = reading.headEnd - 1;
  if (at < 1) return null;
  const w = reading.words[at];
  return w === "giam" || w === "tang" ? { verb: w, at } : null;
}

/** Which way is better, read on the head: the qualifiers after it do not count. */
function inferDirection(reading: NameReading): Direction {
  if (reading.verb === "giam") return "lower";
  if (reading.verb === "tang") return "higher";
  const head = reading.words.slice(0, reading.headEnd).join(" ");
  // "Mức giảm tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo giảm": the size of a reduction, the more the better.
  if (/^(muc|ty le|ty suat|toc do) giam\b/.test(head) || trailingChange(reading)?.verb === "giam") return "higher";
  return LOWER_IS_BETTER.test(head) && !REMEDY.test(head) ? "lower" : "higher";
}

function isPerCapita(reading: NameReading): boolean {
  return PER_CAPITA.test(reading.words.join(" ")) || PER_CAPITA.test(reading.folded);
}

function absoluteMeasure(reading: NameReading, unit: UnitClass): Measure | null {
  if (unit.ratio || isPerCapita(reading)) return "ratio";
  const head = reading.words.join(" ");
  return FLOW_WORDS.test(head) || FLOW_FOUNDING.test(head) ? "flow" : null;
}

/** The profile of a name the catalogue does not know, from the structure of the name and its unit. */
function inferProfile(reading: NameReading, unit: UnitClass, base100: boolean): Omit<IndicatorProfile, "entry"> {
  const direction = inferDirection(reading);
  const ws = reading.words;
  const head = ws.join(" ");
  // "(năm trước = 100)", a bilingual "… average index", "Tháng 12 so với tháng 12 năm trước": indices.
  if (
    base100 ||
    (/\bindex\b/.test(reading.folded) && !SCORE_NAME.test(reading.folded)) ||
    (PERIOD_HEAD.test(head) && PERIOD_COMPARISON.test(head))
  )
    return { kind: "index", measure: "index", direction };
  // HDI, GINI and ICOR are coefficients on their own scale, though HDI is called "Chỉ số…".
  if (COEFFICIENT.test(head) || COEFFICIENT_TOKEN.test(head) || COEFFICIENT_TOKEN.test(reading.folded))
    return { kind: "coefficient", measure: "ratio", direction };
  // A count or an amount is never a rate, whatever the wording ("Tỷ lệ…" counted in "Trường").
  if (unit.amount) return { kind: "absolute", measure: absoluteMeasure(reading, unit), direction };
  if (startsWith(ws, ["chi", "so"])) {
    // A score in points (PCI, PAR Index) is not an index with a base of 100.
    if (unit.score || SCORE_NAME.test(head)) return { kind: "other", measure: "index", direction };
    return { kind: "index", measure: "index", direction };
  }
  if (GROWTH_HEAD.test(head) || trailingChange(reading) !== null || unit.points) return { kind: "rate", measure: "growth", direction };
  if (SHARE_HEAD.test(head)) return { kind: "rate", measure: "share", direction };
  if (unit.percent || unit.perMille || RATE_HEAD.test(head)) return { kind: "rate", measure: "level", direction };
  if (isPerCapita(reading)) return { kind: "absolute", measure: "ratio", direction };
  return { kind: "absolute", measure: absoluteMeasure(reading, unit), direction };
}
