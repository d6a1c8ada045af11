// Rules on a table of years ("2010 | 2011 | … | 2018", "2018 | … | Sơ bộ 2023") and on rows seen
// whole: a ×1000 unit switch inside a series, a growth row that contradicts the constant-price
// levels it describes, a constant-price figure that differs from the current-price one in its own
// base year, a count with a fraction, a stated comparison of two series years that the levels do
// not give, and components whose figures are copies of each other or of their parent.
//
// The figures of a series are read from `indicator.series`: a point whose value is null (empty,
// text, or a "0"/"0.00" placeholder between real figures) is missing and never compared. Years
// that appear twice in one row ("Ước 2023", "Sơ bộ 2023") are ambiguous and left out of the
// comparisons that go by year.

import type { Finding } from "../model/findings";
import type { Indicator, SeriesPoint } from "../model/indicator";
import { parseNumberText } from "../model/numbers";
import { parseAddress } from "../model/snapshot";
import { fold, words } from "../model/text";
import { isCountUnit, parseUnit } from "../model/units";
import { isDisabled } from "./config";
import { decimalsAt, decimalsShown, indicatorRule, NONE, report, roundingTolerance, sheetRule, type SheetContext } from "./context";
import { childrenOf, familiesOf, indicatorKey, parentOf } from "./families";
import { UNIT_SCALE } from "./figures";
import { changeLabel, figureLabel, yearLabel } from "./labels";
import { numberList, phrase, type MessageParam, type NumberList } from "./message";
import { defineRule, type Band } from "./record";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** A series figure that is there: a finite value, not a placeholder. */
interface Point {
  year: number;
  value: number;
  cell: string;
  header: string;
}

/** The figures of a series that are there, in column order. */
function present(ind: Indicator): Point[] {
  const out: Point[] = [];
  const series = ind.series;
  if (!series) return out;
  for (let i = 0; i < series.length; i++) {
    const p: SeriesPoint = series[i];
    if (p.value === null || p.placeholder || !Number.isFinite(p.value) || !p.cell) continue;
    out.push({ year: p.year, value: p.value, cell: p.cell, header: p.header });
  }
  return out;
}

/** The figures of a series by year; a year written twice with different figures is left out. */
function byYear(ind: Indicator): Map<number, Point> {
  const out = new Map<number, Point>();
  const twice = new Set<number>();
  for (const p of present(ind)) {
    const seen = out.get(p.year);
    if (seen && seen.value !== p.value) twice.add(p.year);
    else if (!seen) out.set(p.year, p);
  }
  for (const y of twice) out.delete(y);
  return out;
}

/** A series point as the official reads it: "năm 2014" ("2014"), or its header when it says more ("Sơ bộ 2023"). */
function label(p: Point): MessageParam {
  const h = p.header.replace(/\s+/g, " ").trim();
  return h && h.length <= 30 && !/^(nam\s*)?\d{4}$/.test(fold(h)) ? h : yearLabel(p.year);
}

/** A finite number or null, for the figures a finding carries. */
const finite = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

// ---------------------------------------------------------------------------------------------
// Names: the price basis, and the words left once order marks, growth words and basis go
// ---------------------------------------------------------------------------------------------

const CONSTANT_PRICE = /\bgia\s*(?:so sanh|ss|co dinh|goc)(?![a-z])|\bgia\s*(?:nam\s*)?(?:19|20)\d\d(?!\d)/;
const CURRENT_PRICE = /\bgia\s*(?:hien hanh|hh|thuc te)(?![a-z])/;
const BASE_YEAR = /\bgia\s*(?:(?:so sanh|ss|co dinh|goc)\s*)?(?:nam\s*)?((?:19|20)\d\d)(?!\d)/;
const PRICE_PHRASE =
  /\b(?:theo\s+)?gia\s*(?:(?:so sanh|ss|co dinh|goc|hien hanh|hh|thuc te)(?![a-z])\s*(?:nam\s*)?(?:(?:19|20)\d\d(?!\d))?|(?:nam\s*)?(?:19|20)\d\d(?!\d))/g;
const ORDER_MARK = /^(?:(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])\s*[.)]\s*|[-+*•.–—:]+\s*)/;
const GROWTH_WORDS = /^(?:toc do\s+|muc\s+)?(?:tang truong|tang|phat trien)(?:\s+binh quan)?(?:\s+kinh te)?\b\s*/;

interface Basis {
  kind: "constant" | "current" | null;
  /** The base year of a constant price ("giá so sánh 2010" → 2010). */
  base: number | null;
}

function basisOfText(text: string): Basis {
  const f = fold(text);
  if (CURRENT_PRICE.test(f)) return { kind: "current", base: null };
  if (CONSTANT_PRICE.test(f)) {
    const m = BASE_YEAR.exec(f);
    return { kind: "constant", base: m ? Number(m[1]) : null };
  }
  return { kind: null, base: null };
}

/** The price basis of a row: its own name's, else its parent's (a component of "GRDP (giá 2010)"), else its group's. */
function basisOf(sheet: SheetContext, ind: Indicator): Basis {
  let at: Indicator | null = ind;
  for (let depth = 0; at && depth < 8; depth++) {
    const b = basisOfText(at.name);
    if (b.kind) return b;
    at = parentOf(sheet, at);
  }
  return ind.group ? basisOfText(ind.group) : { kind: null, base: null };
}

/** The words of a name once order marks, growth words, the price basis and units in parentheses are gone. */
export function coreName(name: string): string {
  let core = coreNames.get(name);
  if (core === undefined) {
    if (coreNames.size > 10_000) coreNames.clear();
    coreNames.set(name, (core = readCoreName(name)));
  }
  return core;
}

const coreNames = new Map<string, string>();

function readCoreName(name: string): string {
  let f = fold(name).replace(/\n/g, " ");
  f = f.replace(/\(([^)]*)\)/g, (whole, inner: string) =>
    /\bgia\b|%|‰|\bdong\b|\busd\b|\bty\b|\btrieu\b|\bnghin\b/.test(inner) ? " " : whole,
  );
  f = f.replace(PRICE_PHRASE, " ").trim();
  for (let i = 0; i < 4; i++) {
    const next = f.replace(ORDER_MARK, "").replace(GROWTH_WORDS, "").trim();
    if (next === f) break;
    f = next;
  }
  return words(f).join(" ");
}

// ---------------------------------------------------------------------------------------------
// series-scale: a ×1000 unit switch inside a series
// ---------------------------------------------------------------------------------------------

/** Two figures more than this many years apart are not compared for a unit switch. */
const SCALE_MAX_YEAR_GAP = 5;

/** The number of powers of 1000 (±1, ±2) a log10 ratio is near, by the unitScaleLog band; 0 when it is none. */
function thousands(log: number, band: Band): number {
  const x = Math.abs(log);
  const low = band[0];
  const high = band[1];
  const k = x >= low && x <= high ? 1 : x >= low + 3 && x <= high + 3 ? 2 : 0;
  return log < 0 ? -k : k;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median yearly growth factor of a run of figures, or null with fewer than two. */
function yearlyFactor(run: Point[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < run.length; i++) {
    const years = Math.max(1, run[i].year - run[i - 1].year);
    const f = (run[i].value / run[i - 1].value) ** (1 / years);
    if (Number.isFinite(f) && f > 0) steps.push(f);
  }
  if (steps.length === 0) return null;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** Whether a sheet is a table of years (its indicators all carry a series, or none does). */
function hasSeries(sheet: SheetContext): boolean {
  return sheet.indicators.length > 0 && sheet.indicators[0].series !== null;
}

export const SERIES_SCALE = defineRule({
  id: "series-scale",
  severity: "error",
  scope: "sheet",
  name: "Đổi đơn vị giữa chuỗi số liệu (gấp 1.000 lần)",
  nameEn: "Unit switch inside a series (×1000)",
  description:
    "Trong một dòng số liệu nhiều năm, một số (hoặc mọi số từ một năm trở đi) gấp khoảng 1.000 lần (hoặc chỉ bằng khoảng 1/1.000) các năm liền kề: thường là đổi đơn vị giữa chừng (triệu đồng ↔ nghìn đồng). Mức tăng 1.000 lần giữa hai năm liền nhau của một chỉ tiêu quy mô không thể là tăng trưởng. Không áp dụng cho tỷ lệ, chỉ số và hệ số.",
  descriptionEn:
    "In a row of several years, one figure (or every figure from some year on) is about 1,000 times (or a thousandth of) the years beside it: usually a change of unit midway (millions ↔ thousands of đồng). A thousandfold change between consecutive years of a level cannot be growth. Rates, indices and coefficients are left out.",
  options: {},
  messages: {
    spike: {
      vi: "{name}: {label} là {value:n} (ô {cell}) {ratio} {before} ({beforeValue:n}, ô {beforeCell}) và {after} ({afterValue:n}, ô {afterCell}) — số liệu nhiều năm của một chỉ tiêu không thể tăng, giảm cỡ 1.000 lần giữa hai năm liền nhau; có thể đã đổi đơn vị{unitNote}.",
      en: "{name}: {label} is {value:n} ({cell}), {ratio} both {before} ({beforeValue:n}, {beforeCell}) and {after} ({afterValue:n}, {afterCell}); a level cannot move ~1000× between neighbouring years: the unit changed{unitNote}?",
    },
    single: {
      vi: "{name}: {label} là {value:n} (ô {cell}) {ratio} {neighbour} ({neighbourValue:n}, ô {neighbourCell}) — số liệu nhiều năm của một chỉ tiêu không thể tăng, giảm cỡ 1.000 lần giữa hai năm liền nhau; có thể đã đổi đơn vị{unitNote}.",
      en: "{name}: {label} is {value:n} ({cell}), {ratio} {neighbour} ({neighbourValue:n}, {neighbourCell}); a level cannot move ~1000× between neighbouring years: the unit changed{unitNote}?",
    },
    run: {
      vi: "{name}: từ {label} ({value:n}, ô {cell}) đến {lastLabel} các số {ratio} {neighbour} ({neighbourValue:n}, ô {neighbourCell}) — số liệu nhiều năm của một chỉ tiêu không thể tăng, giảm cỡ 1.000 lần giữa hai năm liền nhau; có thể đã đổi đơn vị{unitNote}.",
      en: "{name}: from {label} ({value:n}, {cell}) to {lastLabel} the figures are {ratio} {neighbour} ({neighbourValue:n}, {neighbourCell}); a level cannot move ~1000× between neighbouring years: the unit changed{unitNote}?",
    },
    more: { vi: "gấp khoảng {times:n0} lần", en: "about {times:n0}×" },
    less: { vi: "chỉ bằng khoảng 1/{times:n0} lần", en: "about 1/{times:n0} of" },
    unitNote: { vi: " (ĐVT ghi “{unit}”)", en: ' (unit "{unit}")' },
  },
});

export const seriesScale = indicatorRule(SERIES_SCALE, {
  kinds: ["absolute"],
  each: (ind, sheet, ctx) => {
    if (ind.kind !== "absolute" || !ind.series || ind.series.length < 2) return NONE;
    // In time order (a table may list the latest year first); zeros and negatives are not compared by ratio.
    const pts = present(ind)
      .filter((p) => p.value > 0)
      .sort((a, b) => a.year - b.year);
    if (pts.length < 2) return NONE;
    const band = ctx.option(ind, UNIT_SCALE, "unitScaleLog");
    // Level of each figure in powers of 1000 against the first one: a jump between neighbours moves it.
    const level: number[] = [0];
    let jumps = 0;
    for (let i = 1; i < pts.length; i++) {
      const log = Math.log10(pts[i].value / pts[i - 1].value);
      const gap = Math.abs(pts[i].year - pts[i - 1].year);
      const k = Number.isFinite(log) && gap <= SCALE_MAX_YEAR_GAP ? thousands(log, band) : 0;
      if (k !== 0) jumps++;
      level.push(level[i - 1] + k);
    }
    if (jumps === 0) return NONE;
    // Runs of figures on one level.
    const runs: Array<{ from: number; to: number; level: number }> = [];
    for (let i = 0; i < pts.length; i++) {
      const last = runs[runs.length - 1];
      if (last && last.level === level[i] && last.to === i - 1) last.to = i;
      else runs.push({ from: i, to: i, level: level[i] });
    }
    // The reference level is the first run's, unless the first run is one figure against a
    // longer run of the rest that its trend confirms: then that one figure is the odd one.
    let reference = runs[0].level;
    if (runs.length === 2 && runs[0].from === runs[0].to && runs[1].to > runs[1].from) {
      const rest = pts.slice(runs[1].from, runs[1].to + 1);
      const factor = yearlyFactor(rest);
      const predicted = factor === null ? null : rest[0].value / factor ** Math.max(1, rest[0].year - pts[0].year);
      if (predicted !== null && predicted > 0 && thousands(Math.log10(pts[0].value / predicted), band) !== 0) reference = runs[1].level;
    }
    // The figures on the reference level, to confirm each odd run as a whole: a tiny figure
    // between ordinary ones (a profit of 0,04) makes two jumps that need not add up to a run.
    const referenceMedian = median(pts.filter((_, i) => level[i] === reference).map((p) => p.value));
    const out: Finding[] = [];
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      if (run.level === reference) continue;
      const runMedian = median(pts.slice(run.from, run.to + 1).map((p) => p.value));
      if (
        referenceMedian === null ||
        runMedian === null ||
        thousands(Math.log10(runMedian / referenceMedian), band) !== run.level - reference
      )
        continue;
      const first = pts[run.from];
      const scale = 1000 ** (run.level - reference);
      // The neighbour it is compared with: the figure before the run, else the one after it.
      const before = run.from > 0 ? pts[run.from - 1] : null;
      const after = run.to < pts.length - 1 ? pts[run.to + 1] : null;
      const single = run.from === run.to;
      const spike = single && before !== null && after !== null && level[run.from - 1] === level[run.to + 1];
      const atEnd = single && (before === null || after === null);
      // A lone figure at the end of a series is odd only when the trend of the rest agrees.
      if (atEnd && r === runs.length - 1 && runs.length === 2 && runs[0].to > runs[0].from) {
        const rest = pts.slice(runs[0].from, runs[0].to + 1);
        const factor = yearlyFactor(rest);
        const last = rest[rest.length - 1];
        const predicted = factor === null ? null : last.value * factor ** Math.max(1, first.year - last.year);
        if (predicted === null || !(predicted > 0) || thousands(Math.log10(first.value / predicted), band) === 0) continue;
      }
      const neighbour = (before ?? after) as Point;
      // unit-scale reports the same pair when they are the actual and the previous figures.
      if (
        !isDisabled(ctx.config, UNIT_SCALE.id) &&
        first.cell === ind.cells.actual &&
        neighbour.cell === ind.cells.previous &&
        single &&
        after === null
      )
        continue;
      const ratio = first.value / neighbour.value;
      const more = ratio > 1;
      const common = {
        name: ind.name,
        label: label(first),
        value: first.value,
        cell: first.cell,
        ratio: phrase(SERIES_SCALE, more ? "more" : "less", { times: more ? Math.round(ratio) : Math.round(1 / ratio) }),
        unitNote: ind.unit ? phrase(SERIES_SCALE, "unitNote", { unit: ind.unit }) : "",
      };
      const neighbourParams = { neighbour: label(neighbour), neighbourValue: neighbour.value, neighbourCell: neighbour.cell };
      const at = { sheet: sheet.sheet.name, cell: first.cell, expected: finite(first.value / scale), actual: first.value };
      out.push(
        spike && before && after
          ? report(
              SERIES_SCALE,
              "spike",
              {
                ...common,
                before: label(before),
                beforeValue: before.value,
                beforeCell: before.cell,
                after: label(after),
                afterValue: after.value,
                afterCell: after.cell,
              },
              at,
            )
          : single
            ? report(SERIES_SCALE, "single", { ...common, ...neighbourParams }, at)
            : report(SERIES_SCALE, "run", { ...common, ...neighbourParams, lastLabel: label(pts[run.to]) }, at),
      );
    }
    return out;
  },
});

// ---------------------------------------------------------------------------------------------
// series-growth: a growth row that contradicts the constant-price levels it describes
// ---------------------------------------------------------------------------------------------

/** A stated growth further than this many points from the one the levels give is flagged. */
const GROWTH_GAP_POINTS = 5;
/** Growths on opposite sides of zero, each at least this far from it, contradict each other. */
const GROWTH_SIGN_POINTS = 0.5;

const isGrowthRow = (ind: Indicator) => ind.series !== null && ind.measure === "growth" && ind.kind === "rate";
const isLevelRow = (ind: Indicator) => ind.series !== null && ind.kind === "absolute";

/** The only element of a list, or null. */
const only = <T>(list: T[]): T | null => (list.length === 1 ? list[0] : null);

/** The component of `children` whose name matches `name`, when exactly one does. */
function componentNamed(children: Indicator[], name: string): Indicator | null {
  return name ? only(children.filter((c) => coreName(c.name) === name)) : null;
}

/** Components of a growth row: its children in percent (or growth rows themselves). */
function growthComponents(sheet: SheetContext, growth: Indicator): Indicator[] {
  return childrenOf(sheet, growth).filter(
    (c) => c.series !== null && (c.measure === "growth" || (c.kind === "rate" && parseUnit(c.unit).percent)),
  );
}

/** Pairs of a growth row and the constant-price level row it describes, components included. */
function growthPairs(sheet: SheetContext): Array<[Indicator, Indicator]> {
  const constant = sheet.indicators.filter((i) => isLevelRow(i) && basisOf(sheet, i).kind === "constant");
  if (constant.length === 0) return [];
  const pairs: Array<[Indicator, Indicator]> = [];
  const seen = new Set<string>();
  const add = (g: Indicator, l: Indicator) => {
    const k = `${indicatorKey(g)}|${indicatorKey(l)}`;
    if (!seen.has(k)) {
      seen.add(k);
      pairs.push([g, l]);
    }
  };
  for (const g of sheet.indicators) {
    // A growth at current prices ("tốc độ tăng GRDP (giá hiện hành)") is not a growth of constant-price levels.
    if (!isGrowthRow(g) || basisOfText(g.name).kind === "current") continue;
    const name = coreName(g.name);
    const gParts = growthComponents(sheet, g);
    const level =
      (name ? only(constant.filter((l) => coreName(l.name) === name)) : null) ??
      (g.catalogueId
        ? only(
            constant.filter(
              (l) => l.catalogueId !== null && (l.catalogueId === g.catalogueId || `${l.catalogueId}-growth` === g.catalogueId),
            ),
          )
        : null) ??
      (gParts.length >= 2
        ? only(
            constant.filter((l) => {
              const parts = childrenOf(sheet, l).filter(isLevelRow);
              return gParts.every((p) => componentNamed(parts, coreName(p.name)) !== null);
            }),
          )
        : null);
    if (!level) continue;
    add(g, level);
    const lParts = childrenOf(sheet, level).filter(isLevelRow);
    for (const p of gParts) {
      const match = componentNamed(lParts, coreName(p.name));
      if (match) add(p, match);
    }
  }
  return pairs;
}

export const SERIES_GROWTH = defineRule({
  id: "series-growth",
  severity: "warning",
  scope: "sheet",
  name: "Tốc độ tăng không khớp số liệu theo giá so sánh",
  nameEn: "Growth row contradicting the constant-price levels",
  description:
    "Dòng tốc độ tăng trưởng (GRDP, từng khu vực) của một năm phải gần với mức tăng tính từ dòng giá trị theo giá so sánh cùng tên trong biểu (năm đó / năm trước − 1): ngược dấu hoặc lệch quá 5 điểm phần trăm thì cảnh báo, tại ô giá trị của năm đó. Dòng theo giá hiện hành không dùng để so.",
  descriptionEn:
    "A growth row (GRDP, each sector) must be close to the growth its constant-price level row gives (this year / last year − 1): an opposite sign or a gap of more than 5 percentage points is a warning, at the level cell of that year. Current-price rows are not compared.",
  options: {},
  messages: {
    gap: {
      vi: "{name}: {now} là {nowValue:n} (ô {nowCell}), {before} là {beforeValue:n} (ô {beforeCell}), tức là {implied}; nhưng dòng “{growthName}” ghi {stated} (ô {statedCell}), lệch {gap:n1} điểm phần trăm. Hãy kiểm tra số giá trị hoặc tốc độ tăng.",
      en: '{name}: {now} {nowValue:n} ({nowCell}) against {before} {beforeValue:n} ({beforeCell}) is {implied}, but "{growthName}" states {stated} ({statedCell}), {gap:n1} points apart.',
    },
    opposite: {
      vi: "{name}: {now} là {nowValue:n} (ô {nowCell}), {before} là {beforeValue:n} (ô {beforeCell}), tức là {implied}; nhưng dòng “{growthName}” ghi {stated} (ô {statedCell}) — ngược chiều. Hãy kiểm tra số giá trị hoặc tốc độ tăng.",
      en: '{name}: {now} {nowValue:n} ({nowCell}) against {before} {beforeValue:n} ({beforeCell}) is {implied}, but "{growthName}" states {stated} ({statedCell}), the opposite direction.',
    },
    asIndex: { vi: "chỉ số {index:n1} ({change})", en: "an index of {index:n1} ({change})" },
  },
});

export const seriesGrowth = sheetRule(SERIES_GROWTH, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    if (!hasSeries(sheet)) continue;
    for (const [growthRow, levelRow] of growthPairs(sheet)) {
      const growth = byYear(growthRow);
      const levels = byYear(levelRow);
      const band = ctx.option(levelRow, UNIT_SCALE, "unitScaleLog");
      const compared: Array<{ year: number; stated: Point; now: Point; before: Point; implied: number }> = [];
      for (const [year, stated] of growth) {
        const now = levels.get(year);
        const before = levels.get(year - 1);
        if (!now || !before || !(before.value > 0) || !(now.value > 0)) continue;
        const ratio = now.value / before.value;
        // A ×1000 slip between the two levels is series-scale's finding, not a growth to compare.
        if (!Number.isFinite(ratio) || thousands(Math.log10(ratio), band) !== 0) continue;
        compared.push({ year, stated, now, before, implied: (ratio - 1) * 100 });
      }
      if (compared.length === 0) continue;
      // A "tốc độ" row written as an index (107,5) is compared as one, when most of its years read so.
      const asIndex = compared.filter((c) => Math.abs(c.stated.value - (c.implied + 100)) < Math.abs(c.stated.value - c.implied)).length;
      const offset = asIndex * 2 > compared.length ? 100 : 0;
      for (const c of compared) {
        const stated = c.stated.value - offset;
        const gap = stated - c.implied;
        const opposite =
          (stated >= GROWTH_SIGN_POINTS && c.implied <= -GROWTH_SIGN_POINTS) ||
          (stated <= -GROWTH_SIGN_POINTS && c.implied >= GROWTH_SIGN_POINTS);
        if (!Number.isFinite(gap) || (Math.abs(gap) <= GROWTH_GAP_POINTS && !opposite)) continue;
        const statedPhrase: MessageParam = offset
          ? phrase(SERIES_GROWTH, "asIndex", { index: c.stated.value, change: changeLabel(stated) })
          : changeLabel(stated);
        out.push(
          report(
            SERIES_GROWTH,
            opposite ? "opposite" : "gap",
            {
              name: levelRow.name,
              now: label(c.now),
              nowValue: c.now.value,
              nowCell: c.now.cell,
              before: label(c.before),
              beforeValue: c.before.value,
              beforeCell: c.before.cell,
              implied: changeLabel(c.implied),
              growthName: growthRow.name,
              stated: statedPhrase,
              statedCell: c.stated.cell,
              gap: Math.abs(gap),
            },
            {
              sheet: sheet.sheet.name,
              cell: c.now.cell,
              expected: finite(c.before.value * (1 + stated / 100)),
              actual: c.now.value,
              imbalance: finite(gap),
            },
          ),
        );
      }
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// series-base-year: a constant-price figure that differs from the current-price one in its base year
// ---------------------------------------------------------------------------------------------

/** In its base year a constant-price figure further than this share from the current-price one is an error. */
const BASE_YEAR_SHARE = 0.01;

/** The factor that brings a figure in `from` to the unit `to`, or null when they measure different things. */
function unitFactor(from: string, to: string): number | null {
  if (!from.trim() || !to.trim()) return 1;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (a.base !== b.base || a.percent !== b.percent || a.ratio !== b.ratio) return null;
  return b.scale === 0 ? null : a.scale / b.scale;
}

interface BaseYearGap {
  constantCell: string;
  constantValue: number;
  currentCell: string;
  currentValue: number;
  /** The current-price figure in the constant-price row's unit. */
  expected: number;
  diff: number;
  size: number;
  off: boolean;
}

/** How far a constant-price figure is from its current-price twin in the base year; null when either is missing. */
function baseYearGap(constantRow: Indicator, currentRow: Indicator, base: number): BaseYearGap | null {
  const a = byYear(constantRow).get(base);
  const b = byYear(currentRow).get(base);
  if (!a || !b) return null;
  const factor = unitFactor(currentRow.unit, constantRow.unit);
  if (factor === null) return null;
  const h = b.value * factor;
  // Constant-price levels are positive; a sign or a zero here is another rule's business.
  if (!(a.value > 0) || !(h > 0) || !Number.isFinite(h)) return null;
  const size = Math.max(a.value, h);
  const diff = a.value - h;
  return {
    constantCell: a.cell,
    constantValue: a.value,
    currentCell: b.cell,
    currentValue: b.value,
    expected: h,
    diff,
    size,
    off: Math.abs(diff) > BASE_YEAR_SHARE * size,
  };
}

function baseYearFinding(sheet: SheetContext, constantRow: Indicator, currentRow: Indicator, base: number, g: BaseYearGap): Finding {
  return report(
    SERIES_BASE_YEAR,
    "differs",
    {
      name: constantRow.name,
      base,
      constantCell: g.constantCell,
      constantValue: g.constantValue,
      currentName: currentRow.name,
      currentValue: g.currentValue,
      currentCell: g.currentCell,
      percent: (g.diff / g.size) * 100,
    },
    { sheet: sheet.sheet.name, cell: g.constantCell, expected: finite(g.expected), actual: g.constantValue, imbalance: finite(g.diff) },
  );
}

export const SERIES_BASE_YEAR = defineRule({
  id: "series-base-year",
  severity: "error",
  scope: "sheet",
  name: "Giá so sánh khác giá hiện hành trong năm gốc",
  nameEn: "Constant price different from current price in its base year",
  description:
    "Trong năm gốc của giá so sánh (năm 2010 với “giá so sánh 2010”), giá trị theo giá so sánh bằng giá trị theo giá hiện hành theo định nghĩa: dòng “(Giá 2010)” và dòng “(Giá hiện hành)” cùng tên (và các thành phần cùng tên của chúng) lệch nhau quá 1% ở năm gốc là lỗi, tại ô giá so sánh.",
  descriptionEn:
    "In the base year of constant prices (2010 for “2010 prices”), a constant-price figure equals the current-price one by definition: a “(Giá 2010)” row and its “(Giá hiện hành)” twin (and their components) more than 1% apart in the base year is an error, at the constant-price cell.",
  options: {},
  messages: {
    differs: {
      vi: "{name}: năm {base} là năm gốc của giá so sánh, nên giá trị theo giá so sánh phải bằng giá hiện hành; nhưng ô {constantCell} ghi {constantValue:n}, còn “{currentName}” năm {base} là {currentValue:n} (ô {currentCell}), lệch {percent:n1}%.",
      en: '{name}: {base} is the base year of the constant prices, so the figure must equal the current-price one; {constantCell} holds {constantValue:n}, "{currentName}" {base} is {currentValue:n} ({currentCell}), {percent:n1}% apart.',
    },
  },
});

export const seriesBaseYear = sheetRule(SERIES_BASE_YEAR, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    if (!hasSeries(sheet)) continue;
    const levels = sheet.indicators.filter(isLevelRow);
    const current = levels.filter((i) => basisOfText(i.name).kind === "current");
    if (current.length === 0) continue;
    // Each constant-price row and its current-price twin, with the pairs of their components.
    const pairs: Array<{ constant: Indicator; current: Indicator; base: number; parts: Array<[Indicator, Indicator]> }> = [];
    for (const c of levels) {
      const basis = basisOfText(c.name);
      if (basis.kind !== "constant" || basis.base === null) continue;
      const name = coreName(c.name);
      const twin = name ? only(current.filter((h) => coreName(h.name) === name)) : null;
      if (!twin) continue;
      const parts: Array<[Indicator, Indicator]> = [];
      const twinParts = childrenOf(sheet, twin).filter(isLevelRow);
      for (const part of childrenOf(sheet, c).filter(isLevelRow)) {
        if (basisOfText(part.name).kind === "current") continue;
        const match = componentNamed(twinParts, coreName(part.name));
        if (match) parts.push([part, match]);
      }
      pairs.push({ constant: c, current: twin, base: basis.base, parts });
    }
    for (const { constant, current: twin, base, parts } of pairs) {
      const total = baseYearGap(constant, twin, base);
      const gaps = parts.map(([part, match]) => ({ part, match, gap: baseYearGap(part, match, base) }));
      const wrong = gaps.filter((g) => g.gap !== null && g.gap.off);
      // When the components' gaps make up the total's, the fault is in the components: report those.
      const explained =
        total !== null &&
        wrong.length > 0 &&
        Math.abs(total.diff - wrong.reduce((sum, g) => sum + (g.gap?.diff ?? 0), 0)) <= BASE_YEAR_SHARE * total.size;
      if (total?.off && !explained) out.push(baseYearFinding(sheet, constant, twin, base, total));
      for (const g of wrong) out.push(baseYearFinding(sheet, g.part, g.match, base, g.gap as BaseYearGap));
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// count-fraction: a count with a fraction
// ---------------------------------------------------------------------------------------------

/** Names of averages and per-something figures, which may well have a fraction in a count unit. */
const AVERAGE_NAME = /\b(?:binh quan|trung binh|tren (?:1|mot)|van dan|nghin dan)\b|\//;

/** A figure with a fraction: 10,98, not 11 nor 1e17. */
function hasFraction(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 1e15 && Math.abs(value - Math.round(value)) > 1e-6;
}

/** A number stored in a cell whose format shows no decimals: the sheet shows a whole number. */
function shownWhole(sheet: SheetContext, cell: string): boolean {
  const at = parseAddress(cell);
  if (!at) return false;
  const v = sheet.sheet.values[at.row]?.[at.col];
  const format = sheet.sheet.numberFormats?.[at.row]?.[at.col];
  return typeof v === "number" && !!format && format !== "General" && decimalsAt(sheet.sheet, at.row, at.col) === 0;
}

export const COUNT_FRACTION = defineRule({
  id: "count-fraction",
  severity: "warning",
  scope: "sheet",
  name: "Số đếm có phần lẻ",
  nameEn: "A count with a fraction",
  description:
    "Chỉ tiêu có đơn vị đếm (người, hộ, xã, doanh nghiệp, HTX, trường, dự án, sản phẩm, lượt, con…) phải là số nguyên; số có phần lẻ (10,98 hộ) thường là nhầm đơn vị (nghìn người) hoặc nhầm dòng. Đơn vị có từ chỉ quy mô (nghìn người, triệu lượt) và chỉ tiêu bình quân không bị kiểm tra.",
  descriptionEn:
    "An indicator counted in units (people, households, communes, enterprises, cooperatives, schools, projects, products, visits…) is a whole number; a fraction (10.98 households) is usually a unit slip (thousands of people) or the wrong row. Units with a scale word and averages are not checked.",
  options: {},
  messages: {
    fraction: {
      vi: "{name}: số {what} {value:n4} {unit} (ô {cell}) có phần lẻ, nhưng {unit} là đơn vị đếm — hãy kiểm tra số hoặc đơn vị.",
      en: "{name}: the {what} figure {value:n4} {unit} ({cell}) has a fraction, but {unit} counts things: check the figure or the unit.",
    },
    mostFractions: {
      vi: "{name}: số {what} {value:n4} {unit} (ô {cell}) có phần lẻ, nhưng {unit} là đơn vị đếm; hầu hết các số của dòng đều lẻ — có thể đơn vị đúng là “nghìn {unit}”.",
      en: "{name}: the {what} figure {value:n4} {unit} ({cell}) has a fraction, but {unit} counts things; most figures of the row have one: is the unit thousands?",
    },
  },
});

export const countFraction = indicatorRule(COUNT_FRACTION, {
  kinds: ["absolute"],
  each: (ind, sheet) => {
    if (ind.kind !== "absolute" || ind.measure === "ratio" || !isCountUnit(ind.unit) || AVERAGE_NAME.test(fold(ind.name))) return NONE;
    const figures: Array<{ value: number; cell: string; what: MessageParam }> = [];
    const seen = new Set<string>();
    const add = (value: number | null, cell: string | null, what: MessageParam) => {
      if (value === null || !cell || seen.has(cell)) return;
      seen.add(cell);
      figures.push({ value, cell, what });
    };
    add(ind.planTarget?.qualifier === "point" ? ind.plan : null, ind.cells.plan, figureLabel("plan"));
    add(ind.actual, ind.cells.actual, figureLabel("actual"));
    add(ind.previous, ind.cells.previous, figureLabel("previous"));
    for (const p of present(ind)) add(p.value, p.cell, label(p));
    const odd = figures.filter((f) => hasFraction(f.value) && !shownWhole(sheet, f.cell));
    if (odd.length === 0) return NONE;
    // Most figures of the row with a fraction: the unit more likely lacks its scale word.
    const most = odd.length >= 3 && odd.length * 3 >= figures.length * 2;
    return odd.map((f) =>
      report(
        COUNT_FRACTION,
        most ? "mostFractions" : "fraction",
        { name: ind.name, what: f.what, value: f.value, unit: ind.unit, cell: f.cell },
        { sheet: sheet.sheet.name, cell: f.cell, expected: finite(Math.round(f.value)), actual: f.value },
      ),
    );
  },
});

// ---------------------------------------------------------------------------------------------
// stated-index: a stated comparison of two series years that the levels do not give
// ---------------------------------------------------------------------------------------------

/** "2019/2018 (%)", "2023 so với 2022", "Năm 2019 so với năm 2018", "ƯTH 2021/TH 2020". */
const TWO_YEARS =
  /((?:19|20)\d\d)(?!\d)\s*\(?\s*(?:\/|so voi|so)\s*(?:cung ky\s*|ck\s*)?(?:nam\s*)?(?:(?:uoc\s*)?(?:thuc hien|th|tt)\s*)?(?:nam\s*)?((?:19|20)\d\d)(?!\d)/;
const SPAN = /(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d/;
const PLAN_HEADER = /\b(ke hoach|kh|du toan|muc tieu)\b/;
const COMPARISON_ROLES = new Set(["statedPrevious", "statedComparison", "unknown", "history"]);

interface ComparisonColumn {
  col: number;
  letter: string;
  header: string;
  later: number;
  earlier: number;
}

/** The columns of a sheet that state a comparison of two years, other than actual with previous. */
function comparisonColumns(sheet: SheetContext): ComparisonColumn[] {
  const actualYear = sheet.columns.find((c) => c.role === "actual")?.year ?? null;
  const previousYear = sheet.columns.find((c) => c.role === "previous")?.year ?? null;
  const out: ComparisonColumn[] = [];
  for (const c of sheet.columns) {
    if (!COMPARISON_ROLES.has(c.role)) continue;
    const f = fold(c.header);
    if (SPAN.test(f) || PLAN_HEADER.test(f)) continue;
    const m = TWO_YEARS.exec(f);
    if (!m) continue;
    const later = Number(m[1]);
    const earlier = Number(m[2]);
    if (later === earlier) continue;
    if (actualYear !== null && previousYear !== null && later === actualYear && earlier === previousYear) continue;
    out.push({ col: c.col, letter: c.letter, header: c.header.replace(/\s+/g, " ").trim(), later, earlier });
  }
  return out;
}

/** The figure stated in a cell, in percent when the cell is %-formatted; null for text with several lines or no number. */
function statedAt(sheet: SheetContext, row: number, col: number): number | null {
  const v = sheet.sheet.values[row]?.[col];
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    const format = sheet.sheet.numberFormats?.[row]?.[col];
    return format && format.replace(/"[^"]*"/g, "").includes("%") ? v * 100 : v;
  }
  if (typeof v !== "string" || /\n/.test(v.trim())) return null;
  const parsed = parseNumberText(v);
  if (!parsed || parsed.style === "ambiguous" || parsed.perMille) return null;
  return parsed.value;
}

/** Half a unit of the last decimal a cell shows. */
function halfUnit(sheet: SheetContext, cell: string): number {
  return 0.5 * 10 ** -decimalsShown(sheet.sheet, cell);
}

export const STATED_INDEX = defineRule({
  id: "stated-index",
  severity: "error",
  scope: "sheet",
  name: "Cột so sánh hai năm không khớp số liệu",
  nameEn: "Stated comparison of two years the figures do not give",
  description:
    "Cột ghi so sánh giữa hai năm của bảng số liệu nhiều năm (“2019/2018 (%)”, “2023 so với 2022”) phải bằng số năm sau / số năm trước × 100 (dạng chỉ số) hoặc trừ 100 (dạng tốc độ tăng), trong mức làm tròn của số chữ số thập phân được ghi. So sánh thực hiện với cùng kỳ do quy tắc stated-percent kiểm tra.",
  descriptionEn:
    "A column comparing two years of a series (“2019/2018 (%)”, “2023 so với 2022”) must equal later / earlier × 100 (index) or that minus 100 (growth), within the rounding of the decimals shown. Actual against the same period is checked by stated-percent.",
  options: {},
  messages: {
    differs: {
      vi: "{name}: cột “{header}” ghi {stated:n} (ô {cell}), nhưng {later} {laterValue:n} (ô {laterCell}) / {earlier} {earlierValue:n} (ô {earlierCell}) = {index:n1}% ({change}).",
      en: '{name}: "{header}" states {stated:n} ({cell}), but {later} {laterValue:n} ({laterCell}) / {earlier} {earlierValue:n} ({earlierCell}) = {index:n1}% ({change}).',
    },
  },
});

export const statedIndex = sheetRule(STATED_INDEX, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    if (!hasSeries(sheet)) continue;
    const columns = comparisonColumns(sheet);
    if (columns.length === 0) continue;
    for (const ind of sheet.indicators) {
      if (ind.kind !== "absolute" || ind.line !== 0 || !ind.series) continue;
      const years = byYear(ind);
      const seriesCols = new Set(ind.series.map((p) => parseAddress(p.cell)?.col ?? -1));
      for (const column of columns) {
        if (seriesCols.has(column.col)) continue;
        const a = years.get(column.later);
        const b = years.get(column.earlier);
        if (!a || !b || !(b.value > 0) || a.value < 0) continue;
        const row = ind.row - 1;
        const stated = statedAt(sheet, row, column.col);
        // A 0 in a comparison column stands for "not worked out" more often than for a figure.
        if (stated === null || stated === 0) continue;
        const cell = `${column.letter}${ind.row}`;
        // stated-percent checks the actual against the previous in the stated-previous column.
        if (cell === ind.cells.statedPrevious && ind.actual !== null && ind.previous !== null) continue;
        const index = (a.value / b.value) * 100;
        if (!Number.isFinite(index)) continue;
        const growth = index - 100;
        // The levels are rounded too: their rounding moves the index by up to this much.
        const levelSlack =
          Math.abs(index) * (halfUnit(sheet, a.cell) / Math.max(Math.abs(a.value), 1e-9) + halfUnit(sheet, b.cell) / b.value);
        const tol = roundingTolerance(decimalsAt(sheet.sheet, row, column.col));
        const slack = Number.isFinite(levelSlack) ? levelSlack : 0;
        // Any form the column may be written in: index (112,5), growth (12,5), times (1,125) or difference.
        if (
          Math.abs(stated - index) <= tol + slack ||
          Math.abs(stated - growth) <= tol + slack ||
          Math.abs(stated - a.value / b.value) <= tol + slack / 100 ||
          Math.abs(stated - (a.value - b.value)) <= tol + halfUnit(sheet, a.cell) + halfUnit(sheet, b.cell)
        )
          continue;
        const asGrowth = Math.abs(stated - growth) < Math.abs(stated - index);
        const expected = asGrowth ? growth : index;
        out.push(
          report(
            STATED_INDEX,
            "differs",
            {
              name: ind.name,
              header: column.header,
              stated,
              cell,
              later: label(a),
              laterValue: a.value,
              laterCell: a.cell,
              earlier: label(b),
              earlierValue: b.value,
              earlierCell: b.cell,
              index,
              change: changeLabel(growth),
            },
            { sheet: sheet.sheet.name, cell, expected: finite(expected), actual: stated, imbalance: finite(stated - expected) },
          ),
        );
      }
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// copied-components: components whose figures are copies of each other or of their parent
// ---------------------------------------------------------------------------------------------

/** A row's figures by column: plan, actual, previous and every series point, each column once. */
function rowFigures(ind: Indicator): Map<number, { value: number; cell: string }> {
  const out = new Map<number, { value: number; cell: string }>();
  const add = (value: number | null, cell: string | null) => {
    if (value === null || !cell || !Number.isFinite(value)) return;
    const col = parseAddress(cell)?.col;
    if (col !== undefined && !out.has(col)) out.set(col, { value, cell });
  };
  add(ind.planTarget?.qualifier === "point" ? ind.plan : null, ind.cells.plan);
  add(ind.actual, ind.cells.actual);
  add(ind.previous, ind.cells.previous);
  for (const p of present(ind)) add(p.value, p.cell);
  return out;
}

/** Figures telling enough to call two rows copies: two or more not zero, and not all the same value. */
function telling(figures: Map<number, { value: number }>): boolean {
  let nonZero = 0;
  const values = new Set<number>();
  for (const f of figures.values()) {
    if (f.value !== 0) nonZero++;
    values.add(f.value);
  }
  return nonZero >= 2 && values.size >= 2;
}

function sameFigures(a: Map<number, { value: number }>, b: Map<number, { value: number }>): boolean {
  if (a.size !== b.size) return false;
  for (const [col, f] of a) if (b.get(col)?.value !== f.value) return false;
  return true;
}

const sameUnit = (a: Indicator, b: Indicator) => !a.unit.trim() || !b.unit.trim() || fold(a.unit) === fold(b.unit);

function firstCell(figures: Map<number, { cell: string }>): string {
  let best: { col: number; cell: string } | null = null;
  for (const [col, f] of figures) if (!best || col < best.col) best = { col, cell: f.cell };
  return (best as { cell: string }).cell;
}

/** The cells of a row's figures, first to last: "C7…J7" (or the one cell). */
function cellSpan(figures: Map<number, { cell: string }>): string {
  const cells = [...figures.entries()].sort((x, y) => x[0] - y[0]).map(([, f]) => f.cell);
  return cells.length > 1 ? `${cells[0]}…${cells[cells.length - 1]}` : (cells[0] ?? "");
}

/** The figures of a row in column order, the first six shown: "1.200; 1.300; …". */
function figureList(figures: Map<number, { value: number }>): NumberList {
  return numberList(
    [...figures.entries()].sort((x, y) => x[0] - y[0]).map(([, f]) => f.value),
    "; ",
    6,
  );
}

export const COPIED_COMPONENTS = defineRule({
  id: "copied-components",
  severity: "warning",
  scope: "sheet",
  name: "Thành phần có số liệu chép trùng",
  nameEn: "Components with copied figures",
  description:
    "Hai thành phần trở lên của cùng một chỉ tiêu (cùng khối “Chia ra”, “Trong đó”) có số liệu giống hệt nhau ở mọi cột có số (kế hoạch, thực hiện, cùng kỳ, từng năm), hoặc một thành phần giống hệt chỉ tiêu mẹ trong khi các thành phần khác có số: thường là chép nhầm dòng. So sánh cả dòng, không so từng năm.",
  descriptionEn:
    "Two or more components of one indicator (the same “Chia ra” or “Trong đó” block) with identical figures in every filled column, or a component identical to its parent while the others have figures: usually a row copied by mistake. Whole rows are compared, not single years.",
  options: {},
  messages: {
    sameAsSibling: {
      vi: "{name}: thành phần “{part}” (dòng {row}) có số liệu giống hệt “{other}” (dòng {otherRow}) ở mọi cột (ô {cells} và {otherCells}: {figures:n}) — có thể chép nhầm dòng.",
      en: '{name}: the component "{part}" (row {row}) repeats every figure of "{other}" (row {otherRow}) ({cells} and {otherCells}: {figures:n}): a copy-paste slip?',
    },
    sameAsParent: {
      vi: "{name}: thành phần “{part}” (dòng {row}) có số liệu giống hệt chỉ tiêu mẹ ở mọi cột (ô {cells} và {otherCells}: {figures:n}) trong khi các thành phần khác cũng có số — có thể chép nhầm dòng tổng.",
      en: '{name}: the component "{part}" (row {row}) repeats every figure of its parent ({cells} and {otherCells}: {figures:n}) although other components have figures: a copy-paste slip?',
    },
  },
});

export const copiedComponents = sheetRule(COPIED_COMPONENTS, (ctx) => {
  const out: Finding[] = [];
  for (const sheet of ctx.sheets) {
    for (const { parent, children: block } of familiesOf(sheet)) {
      const parentFigures = rowFigures(parent);
      const figures = block.map(rowFigures);
      const flagged = new Set<number>();
      for (let j = 1; j < block.length; j++) {
        if (!telling(figures[j])) continue;
        for (let i = 0; i < j; i++) {
          if (!sameUnit(block[i], block[j]) || !sameFigures(figures[i], figures[j])) continue;
          flagged.add(j);
          const cell = firstCell(figures[j]);
          out.push(
            report(
              COPIED_COMPONENTS,
              "sameAsSibling",
              {
                name: parent.name,
                part: block[j].name,
                row: block[j].row,
                other: block[i].name,
                otherRow: block[i].row,
                cells: cellSpan(figures[j]),
                otherCells: cellSpan(figures[i]),
                figures: figureList(figures[j]),
              },
              { sheet: sheet.sheet.name, cell },
            ),
          );
          break;
        }
      }
      // A component equal to its parent, where another component of the block has figures.
      if (!telling(parentFigures)) continue;
      for (let j = 0; j < block.length; j++) {
        if (flagged.has(j) || !sameUnit(block[j], parent) || !sameFigures(figures[j], parentFigures)) continue;
        const others = block.some((_c, k) => k !== j && [...figures[k].values()].some((f) => f.value !== 0));
        if (!others) continue;
        out.push(
          report(
            COPIED_COMPONENTS,
            "sameAsParent",
            {
              name: parent.name,
              part: block[j].name,
              row: block[j].row,
              cells: cellSpan(figures[j]),
              otherCells: cellSpan(parentFigures),
              figures: figureList(figures[j]),
            },
            { sheet: sheet.sheet.name, cell: firstCell(figures[j]) },
          ),
        );
      }
    }
  }
  return out;
});
