import fc from "fast-check";
import { compute, evaluate, percentOf, type Figures } from "../../src/core/model/compute";
import { parsePlanText, pointTarget, type PlanTarget } from "../../src/core/model/plan";
import { parseUnit } from "../../src/core/model/units";

const plan = (text: string): PlanTarget => parsePlanText(text, parseUnit("%"), "vi")!;
const absolute = (p: number | null, actual: number | null, previous: number | null, wholeYear = false): Figures => ({
  kind: "absolute",
  measure: "flow",
  direction: "higher",
  plan: p === null ? null : pointTarget(p),
  actual,
  previous,
  wholeYear,
});

describe("compute", () => {
  it("gives plan percentage, index and growth for absolute indicators (seed 001)", () => {
    const c = compute(absolute(18029, 7966, 7515.1));
    expect(c.planPercent).toBeCloseTo(44.1844, 3);
    expect(c.index).toBeCloseTo(106.0, 2);
    expect(c.growthPercent).toBeCloseTo(6.0, 2);
    expect(c.changePoints).toBeNull();
    expect(c.evaluation).toBeNull();
  });

  it("compares rates in points and computes no ratio", () => {
    const c = compute({
      kind: "rate",
      measure: "level",
      direction: "lower",
      plan: pointTarget(2.5),
      actual: 2.17,
      previous: 2.82,
      wholeYear: true,
    });
    expect(c.planPercent).toBeNull();
    expect(c.growthPercent).toBeNull();
    expect(c.changePoints).toBeCloseTo(-0.65, 9);
    expect(c.planGapPoints).toBeCloseTo(-0.33, 9);
    expect(c.evaluation).toBe("Vượt");
  });

  it("treats an index indicator as its own comparison", () => {
    const c = compute({
      kind: "other",
      measure: "index",
      direction: "higher",
      plan: null,
      actual: 108.6,
      previous: 104.1,
      wholeYear: false,
    });
    expect(c.growthPercent).toBeCloseTo(8.6, 9);
    expect(c.changePoints).toBeCloseTo(4.5, 9);
  });

  it("guards divisions: no plan or previous, zero or negative, gives null", () => {
    for (const [p, prev] of [
      [null, null],
      [0, 0],
      [-5, -3],
    ] as const) {
      const c = compute(absolute(p, 10, prev));
      expect(c.planPercent).toBeNull();
      expect(c.index).toBeNull();
      expect(c.growthPercent).toBeNull();
    }
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(Number.MAX_VALUE, Number.MIN_VALUE)).toBeNull();
  });

  it("never returns NaN or Infinity", () => {
    const num = fc.oneof(fc.double(), fc.constant(null), fc.constant(0), fc.constant(-0), fc.double({ min: -1e-300, max: 1e-300 }));
    fc.assert(
      fc.property(
        num,
        num,
        num,
        fc.constantFrom("absolute" as const, "rate" as const, "other" as const),
        fc.boolean(),
        (p, actual, previous, kind, wholeYear) => {
          const c = compute({
            kind,
            measure: kind === "other" ? "index" : null,
            direction: "higher",
            plan: p === null || !Number.isFinite(p) ? null : pointTarget(p),
            actual,
            previous,
            wholeYear,
          });
          for (const v of [c.planPercent, c.index, c.growthPercent, c.changePoints, c.planGapPoints]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("evaluate", () => {
  const points = { points: 0.5 };
  it.each([
    ["higher", "6,6-6,8", 6.7, "Đạt"],
    ["higher", "6,6-6,8", 6.9, "Vượt"],
    ["higher", "6,6-6,8", 6.5, "Không đạt"],
    ["lower", "Khoảng 4", 2.79, "Vượt"],
    ["lower", "Khoảng 4", 4.3, "Đạt"],
    ["lower", "Khoảng 4", 4.6, "Không đạt"],
    ["lower", "Dưới 4", 3.1, "Đạt"],
    ["lower", "Dưới 4", 4, "Không đạt"],
    ["higher", "Trên 90", 90, "Không đạt"],
    ["higher", "Trên 90", 90.1, "Đạt"],
    ["higher", "từ 7,5% trở lên", 7.5, "Đạt"],
    ["higher", "12", 12, "Đạt"],
    ["higher", "12", 12.01, "Vượt"],
    ["lower", "2,5", 2.17, "Vượt"],
    ["lower", "2,5", 2.6, "Không đạt"],
  ] as const)("%s-is-better, plan %s, actual %d → %s", (direction, planText, actual, expected) => {
    expect(evaluate(direction, plan(planText), actual, points)).toBe(expected);
  });

  it("evaluates on unrounded values: 99,96% of plan is not met", () => {
    expect(evaluate("higher", pointTarget(10000), 9996, { relative: 0.01 })).toBe("Không đạt");
  });

  it("uses a relative tolerance for approximate absolute plans", () => {
    expect(evaluate("higher", parsePlanText("khoảng 850", parseUnit("doanh nghiệp"), "vi"), 845, { relative: 0.01 })).toBe("Đạt");
    expect(evaluate("higher", parsePlanText("khoảng 850", parseUnit("doanh nghiệp"), "vi"), 800, { relative: 0.01 })).toBe("Không đạt");
  });
});
