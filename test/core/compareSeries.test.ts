// Generated series of reports, as a province publishes them: two years of monthly, quarterly and
// cumulative (3, 6, 9, 11 months, the year) reports from random monthly flows; three former
// provinces and their merged successor. A clean series gives no finding at all; a planted decrease
// or revision is found once, at its cells.
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { compareReports, type ComparedReport } from "../../src/core/compare";
import { sheet } from "../helpers/grid";
import { periodName, reportRows, type Figures, type PeriodSpec } from "../helpers/periods";

const round1 = (x: number) => Math.round(x * 10) / 10;
const sum = (xs: readonly number[]) => round1(xs.reduce((t, x) => t + x, 0));

/** A year's monthly flows of industry and budget, one decimal; forest cover creeping up. */
const year = fc.record({
  industry: fc.array(fc.integer({ min: 3000, max: 20000 }), { minLength: 12, maxLength: 12 }),
  budget: fc.array(fc.integer({ min: 500, max: 4000 }), { minLength: 12, maxLength: 12 }),
  forest: fc.integer({ min: 500, max: 700 }),
});
type Year = { industry: number[]; budget: number[]; forest: number };

/** The months a period covers, as [first, last] counted from 0 and past the end. */
const covered = (p: PeriodSpec) => (p.kind === "month" ? [p.n - 1, p.n] : p.kind === "quarter" ? [3 * p.n - 3, 3 * p.n] : [0, p.n]);

/** The figures of a period: the sum of its months' flows; the rate at the period's end. */
function figures(y: Year, p: PeriodSpec): Figures {
  const [from, to] = covered(p);
  const months = (xs: number[]) => sum(xs.slice(from, to).map((x) => x / 10));
  return { industry: months(y.industry), budget: months(y.budget), forest: round1((y.forest + to) / 10) };
}

const PERIODS: PeriodSpec[] = [
  ...Array.from({ length: 12 }, (_, i): PeriodSpec => ({ kind: "month", n: i + 1 })),
  ...[1, 2, 3, 4].map((n): PeriodSpec => ({ kind: "quarter", n })),
  ...[3, 6, 9, 11, 12].map((n): PeriodSpec => ({ kind: "months", n })),
];

function report(yearNumber: number, p: PeriodSpec, now: Figures, before: Figures, plan: Figures): ComparedReport {
  const snapshot = { sheets: [sheet("Biểu 01", reportRows(yearNumber, p, now, before, plan))] };
  return { file: `${periodName(p, yearNumber)}.xlsx`, snapshot, analysis: checkWorkbook(snapshot) };
}

/** Two years of reports: 2019's (last year's same period unknown here, left as 2019's own) and 2020's. */
function series(y2019: Year, y2020: Year, edit?: (p: PeriodSpec, now: Figures, before: Figures) => void): ComparedReport[][] {
  const plan = (y: Year) => ({ industry: sum(y.industry.map((x) => x / 9)), budget: sum(y.budget.map((x) => x / 9)), forest: 70 });
  const last = PERIODS.map((p) => report(2019, p, figures(y2019, p), figures(y2019, p), plan(y2019)));
  const now = PERIODS.map((p) => {
    const [current, before] = [figures(y2020, p), figures(y2019, p)];
    edit?.(p, current, before);
    return report(2020, p, current, before, plan(y2020));
  });
  return [last, now];
}

describe("a province's reports over two years", () => {
  test("a clean series gives no finding: every 2020 report against every report before it", () => {
    fc.assert(
      fc.property(year, year, (a, b) => {
        const [last, now] = series(a, b);
        for (const [i, r] of now.entries()) {
          const result = compareReports(r, [...now.slice(0, i), ...last]);
          expect(result.findings).toEqual([]);
          // Each report finds last year's reports of the same months: "quý I" and "3 tháng" alike.
          const same = PERIODS.filter((p) => covered(p).join() === covered(PERIODS[i]).join());
          expect(result.earlier.filter((e) => e.relation === "previous-year").map((e) => e.file)).toEqual(
            same.map((p) => `${periodName(p, 2019)}.xlsx`),
          );
        }
      }),
      { numRuns: 8 },
    );
  });

  test("a cumulative figure typed below the earlier period's is found once, at both cells", () => {
    fc.assert(
      fc.property(year, year, fc.constantFrom(6, 9, 11, 12), (a, b, months) => {
        const earlierMonths = [3, 6, 9, 11, 12][[3, 6, 9, 11, 12].indexOf(months) - 1];
        const earlier = figures(b, { kind: "months", n: earlierMonths });
        const [last, now] = series(a, b, (p, current) => {
          if (p.kind === "months" && p.n === months) current.budget = round1(earlier.budget - 1.5);
        });
        const at = now.findIndex((r) => r.file === `${periodName({ kind: "months", n: months }, 2020)}.xlsx`);
        const before = now.find((r) => r.file === `${periodName({ kind: "months", n: earlierMonths }, 2020)}.xlsx`) as ComparedReport;
        const result = compareReports(now[at], [before, ...last]);
        expect(result.findings.map((f) => [f.rule, f.places.map((p) => `${p.file}!${p.cell}`)])).toEqual([
          ["period-decrease", [`${now[at].file}!F5`, `${before.file}!F5`]],
        ]);
      }),
      { numRuns: 8 },
    );
  });

  test("a same-period figure that is not last year's is found in whichever report it was typed, against each report of those months", () => {
    fc.assert(
      fc.property(year, year, fc.integer({ min: 0, max: PERIODS.length - 1 }), (a, b, k) => {
        const [last, now] = series(a, b, (p, _current, before) => {
          if (p === PERIODS[k]) before.industry = round1(before.industry + 12.3);
        });
        const all = now.flatMap((r, i) => compareReports(r, [...now.slice(0, i), ...last]).findings);
        // "quý I" of 2020 is held against both "quý I" and "3 tháng" of 2019.
        const same = PERIODS.filter((p) => covered(p).join() === covered(PERIODS[k]).join());
        expect(all.map((f) => [f.rule, f.places.map((p) => `${p.file}!${p.cell}`)])).toEqual(
          same.map((p) => ["same-period-revision", [`${periodName(PERIODS[k], 2020)}.xlsx!E4`, `${periodName(p, 2019)}.xlsx!F4`]]),
        );
      }),
      { numRuns: 8 },
    );
  });
});

describe("three former provinces and their merged successor", () => {
  const province = fc.record({ industry: fc.integer({ min: 1000, max: 90000 }), budget: fc.integer({ min: 100, max: 9000 }) });
  const merged = (formers: Array<{ industry: number; budget: number }>, slip = 0) => {
    const previous = {
      industry: round1(sum(formers.map((f) => f.industry / 10)) + slip),
      budget: sum(formers.map((f) => f.budget / 10)),
      forest: 60,
    };
    const snapshot = { sheets: [sheet("Biểu 01", reportRows(2026, { kind: "months", n: 6 }, previous, previous, previous))] };
    const reports = formers.map((f, i) => {
      const figures = { industry: f.industry / 10, budget: f.budget / 10, forest: 50 + i };
      const own = { sheets: [sheet("Biểu 01", reportRows(2025, { kind: "months", n: 6 }, figures, figures, figures))] };
      return { unit: `Tỉnh ${i + 1}`, report: { file: `tinh-${i + 1}-2025.xlsx`, snapshot: own, analysis: checkWorkbook(own) } };
    });
    return compareReports({ file: "hop-nhat-2026.xlsx", snapshot, analysis: checkWorkbook(snapshot) }, [], {
      merged: { unit: "Tỉnh mới", formers: reports },
    });
  };

  test("the successor's same-period figures equal to the sums agree; a slip beyond rounding is found with all four cells", () => {
    fc.assert(
      fc.property(fc.array(province, { minLength: 3, maxLength: 3 }), fc.constantFrom(-5, 2.5, 12.5), (formers, slip) => {
        const clean = merged(formers);
        expect([clean.findings, clean.merged?.sums.map((s) => s.status)]).toEqual([[], ["agrees", "agrees"]]);
        const slipped = merged(formers, slip);
        expect(slipped.findings.map((f) => [f.rule, f.places.map((p) => `${p.file}!${p.cell}`)])).toEqual([
          ["merged-previous", ["hop-nhat-2026.xlsx!E4", "tinh-1-2025.xlsx!F4", "tinh-2-2025.xlsx!F4", "tinh-3-2025.xlsx!F4"]],
        ]);
      }),
      { numRuns: 20 },
    );
  });
});
