// Units of measure as officials write them: "Tỷ đồng", "nghìn tỷ đồng", "Triệu USD", "vạn tấn",
// "%", "‰", "điểm %", "bác sĩ/vạn dân". The scale word is what a ×1000 slip hides behind.

import { fold } from "./text";

export interface Unit {
  /** As written, tidied. */
  text: string;
  /** Multiplier of the scale words before the base unit: "nghìn tỷ đồng" → 1e12. */
  scale: number;
  /** The unit without scale words, folded: "dong", "usd", "tan", "luot", "%". */
  base: string;
  percent: boolean;
  perMille: boolean;
  /** Percentage points ("điểm %", "điểm phần trăm"). */
  points: boolean;
  /** A per-something ratio ("USD/người", "bác sĩ/vạn dân"). */
  ratio: boolean;
}

/** Scale words, folded, longest first so that "nghin ty" wins over "nghin". */
const SCALE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ["nghin ty", 1e12],
  ["ngan ty", 1e12],
  ["trieu ty", 1e18],
  ["nghin", 1e3],
  ["ngan", 1e3],
  ["van", 1e4],
  ["trieu", 1e6],
  ["ty", 1e9],
  ["ti", 1e9],
  ["tr", 1e6],
  ["k", 1e3],
];

/** Reads the leading scale words of a folded unit text; returns the scale and the rest. */
export function splitScale(folded: string): { scale: number; rest: string } {
  let rest = folded.trim();
  let scale = 1;
  for (;;) {
    const hit = SCALE_WORDS.find(([word]) => rest === word || rest.startsWith(word + " ") || rest.startsWith(word + "."));
    if (!hit) break;
    scale *= hit[1];
    rest = rest.slice(hit[0].length).replace(/^[.\s]+/, "");
  }
  return { scale, rest };
}

const unitCache = new Map<string, Unit>();

/** Reads a unit; units repeat on every row, so readings are kept. */
export function parseUnit(text: string): Unit {
  let unit = unitCache.get(text);
  if (!unit) {
    if (unitCache.size > 10_000) unitCache.clear();
    unit = readUnit(text);
    unitCache.set(text, unit);
  }
  return unit;
}

function readUnit(text: string): Unit {
  const tidied = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const folded = fold(tidied)
    .replace(/^\(|\)$/g, "")
    .trim();
  const points = /^(diem %|diem phan tram|diem)$/.test(folded);
  const percent = !points && (folded === "%" || /^% /.test(folded) || folded === "phan tram" || /^%\s*\(/.test(folded));
  const perMille = folded === "‰" || folded.startsWith("‰");
  const ratio = !percent && folded.includes("/");
  const { scale, rest } = ratio ? { scale: 1, rest: folded } : splitScale(folded);
  return { text: tidied, scale, base: rest, percent, perMille, points, ratio };
}

/** Two units measure the same thing (only the scale may differ): "tỷ đồng" and "triệu đồng". */
export function sameBase(a: Unit, b: Unit): boolean {
  return a.base === b.base && a.percent === b.percent && a.points === b.points && a.ratio === b.ratio;
}

/** Units that count things (folded, without scale words): a figure in them is a whole number. */
const COUNT_UNITS = new Set([
  "nguoi",
  "ho",
  "ho gia dinh",
  "xa",
  "phuong",
  "thi tran",
  "thon",
  "ban",
  "lang",
  "to",
  "doanh nghiep",
  "dn",
  "htx",
  "hop tac xa",
  "to hop tac",
  "trang trai",
  "lang nghe",
  "truong",
  "lop",
  "hoc sinh",
  "sinh vien",
  "giao vien",
  "du an",
  "cong trinh",
  "san pham",
  "luot",
  "luot nguoi",
  "luot khach",
  "khach",
  "con",
  "ca",
  "vu",
  "co so",
  "lao dong",
  "bac si",
  "giuong",
  "giuong benh",
  "benh nhan",
  "tram",
  "cho",
  "sieu thi",
  "chiec",
  "cai",
  "can",
  "can ho",
  "ngoi",
  "thue bao",
  "don vi",
  "to chuc",
]);

const countUnits = new Map<string, boolean>();

/** Whether a unit counts things ("hộ", "doanh nghiệp", "lượt"; not "nghìn người"): its figures are whole numbers. */
export function isCountUnit(unitText: string): boolean {
  let counts = countUnits.get(unitText);
  if (counts === undefined) {
    if (countUnits.size > 10_000) countUnits.clear();
    counts = readCountUnit(unitText);
    countUnits.set(unitText, counts);
  }
  return counts;
}

function readCountUnit(unitText: string): boolean {
  if (!unitText.trim()) return false;
  const unit = parseUnit(unitText);
  if (unit.scale !== 1 || unit.percent || unit.perMille || unit.points || unit.ratio) return false;
  const base = unit.base
    .replace(/\([^)]*\)/g, " ")
    .replace(/[.,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return COUNT_UNITS.has(base);
}
