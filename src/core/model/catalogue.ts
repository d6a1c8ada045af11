// The indicator catalogue: what an indicator is (kind, measure), which way is better, and the
// names, aliases and abbreviations it goes by. Data, not code: the defaults live in
// catalogueData.ts and a user extends or overrides them with entries of the same shape.

import { fold, words } from "./text";
import { parseUnit } from "./units";

/**
 * absolute: a level or a flow in its unit; rate: a percentage or per-mille compared in points;
 * index: an index with a base of 100 (CPI, previous year = 100); coefficient: a ratio on its own
 * scale (HDI 0–1, GINI, ICOR); other: none of these.
 */
export type IndicatorKind = "absolute" | "rate" | "index" | "coefficient" | "other";

/**
 * flow: accumulates through the year (thu ngân sách, giá trị sản xuất, lượt khách);
 * stock: a level at a date (dân số, số xã đạt chuẩn); ratio: per-something (USD/người);
 * level: a rate in 0–100 (tỷ lệ); share: a part of a structure (cơ cấu); growth: a growth rate
 * (tốc độ tăng GRDP, CPI); index: an index where the previous period is 100.
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
      if (!["absolute", "rate", "index", "coefficient", "other"].includes(entry?.kind as string))
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

interface Phrase {
  words: string[];
  entry: CatalogueEntry;
}

/** Finds the catalogue entry of an indicator name by the longest alias it contains. */
export class CatalogueMatcher {
  private readonly byFirstWord = new Map<string, Phrase[]>();
  private readonly cache = new Map<string, CatalogueEntry | null>();
  private readonly profiles = new Map<string, Map<string, IndicatorProfile>>();

  constructor(readonly catalogue: Catalogue) {
    for (const entry of catalogue.entries) {
      for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
        const phraseWords = this.expand(words(fold(alias)));
        if (phraseWords.length === 0) continue;
        const list = this.byFirstWord.get(phraseWords[0]) ?? [];
        list.push({ words: phraseWords, entry });
        this.byFirstWord.set(phraseWords[0], list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private expand(ws: string[]): string[] {
    const out: string[] = [];
    for (const w of ws) {
      const expansion = this.catalogue.abbreviations[w];
      if (expansion) out.push(...expansion.split(" "));
      else out.push(w);
    }
    return out;
  }

  match(name: string): CatalogueEntry | null {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const ws = this.expand(words(fold(name)));
    let best: Phrase | null = null;
    for (let i = 0; i < ws.length; i++) {
      for (const phrase of this.byFirstWord.get(ws[i]) ?? []) {
        if (best && phrase.words.length <= best.words.length) break;
        if (phrase.words.every((w, j) => ws[i + j] === w)) best = phrase;
      }
    }
    const entry = best?.entry ?? null;
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
    const entry = this.match(name);
    const unit = parseUnit(unitText);
    if (entry) {
      // A percent unit on an absolute entry means the sheet reports it as a rate ("Thu NS (% GRDP)").
      if (entry.kind === "absolute" && (unit.percent || unit.points))
        return { kind: "rate", measure: "level", direction: entry.direction, entry };
      return { kind: entry.kind, measure: entry.measure, direction: entry.direction, entry };
    }
    return { ...inferProfile(fold(name), unit.percent || unit.points || unit.perMille, unit.ratio), entry: null };
  }
}

const LOWER_IS_BETTER =
  /\b(ho ngheo|can ngheo|that nghiep|thieu viec lam|gia tieu dung|cpi|lam phat|suy dinh duong|ty suat sinh|ty suat chet|tu vong|tang dan so tu nhien|nhap sieu|tai nan|chay no|no xau|chon lap|o nhiem|vi pham|toi pham)\b/;
const FLOW_WORDS =
  /^(tong )?(gia tri|muc ban le|tong muc|thu |chi |kim ngach|doanh thu|san luong|so luot|luot|khach|von|giai ngan|xuat khau|nhap khau|dien tich (gieo|trong)|so (doanh nghiep|dn) (thanh lap|dang ky)|so lao dong duoc|giai quyet viec lam|tao viec lam)/;

function inferProfile(name: string, percentUnit: boolean, ratioUnit: boolean): Omit<IndicatorProfile, "entry"> {
  const stripped = name.replace(/^[-+*•.\s]+/, "");
  const lowerBetter = LOWER_IS_BETTER.test(stripped) && !/^(muc giam|giam)\b/.test(stripped);
  const direction: Direction = lowerBetter ? "lower" : "higher";
  if (/^chi so\b/.test(stripped)) return { kind: "other", measure: "index", direction };
  if (/^(co cau|ty trong)\b/.test(stripped)) return { kind: "rate", measure: "share", direction };
  if (/^(toc do|tang truong|muc tang)\b/.test(stripped)) return { kind: "rate", measure: "growth", direction };
  if (percentUnit || /^(ty le|ty suat|muc giam ty le)\b/.test(stripped)) return { kind: "rate", measure: "level", direction };
  if (ratioUnit || /binh quan dau nguoi|\/ ?nguoi/.test(stripped)) return { kind: "absolute", measure: "ratio", direction };
  return { kind: "absolute", measure: FLOW_WORDS.test(stripped) ? "flow" : null, direction };
}
