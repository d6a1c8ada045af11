// The computations, always on unrounded values: plan percentage (TH/KH), index and growth on the
// same period last year, point changes for rates, and the evaluation Đạt / Vượt / Không đạt that
// respects direction and range plans. Division guards: no plan or no previous figure (empty, zero
// or negative) gives null, never Infinity or NaN.

import type { Direction, IndicatorKind, Measure } from "./catalogue";
import { planBasis, type PlanTarget } from "./plan";

export type Evaluation = "Đạt" | "Vượt" | "Không đạt";

export interface Figures {
  kind: IndicatorKind;
  measure: Measure | null;
  direction: Direction;
  plan: PlanTarget | null;
  actual: number | null;
  /** The actual as a range or a bound ("61-62", "Trên 4"), when it is not one figure. */
  actualTarget?: PlanTarget | null;
  previous: number | null;
  /** Whether the figures cover the whole year, so that the actual can be judged against the plan. */
  wholeYear: boolean;
}

export interface Computed {
  /** actual / plan × 100, for absolute indicators. */
  planPercent: number | null;
  /** actual / previous × 100. */
  index: number | null;
  /** index − 100. */
  growthPercent: number | null;
  /** actual − previous, in points, for rates and indices. */
  changePoints: number | null;
  /** actual − plan target, in points, for rates (0 inside a range). */
  planGapPoints: number | null;
  evaluation: Evaluation | null;
}

export interface EvaluationOptions {
  /** Half-width of "Khoảng X" for rates, in points. */
  approxPoints: number;
  /** Half-width of "Khoảng X" for absolute figures, relative to X. */
  approxRelative: number;
}

export const DEFAULT_EVALUATION_OPTIONS: EvaluationOptions = { approxPoints: 0.5, approxRelative: 0.01 };

/** a / b × 100, or null when it cannot be a meaningful ratio. */
export function percentOf(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  const r = (a * 100) / b;
  return Number.isFinite(r) ? r : null;
}

function difference(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const d = a - b;
  return Number.isFinite(d) ? d : null;
}

export function compute(f: Figures, options: EvaluationOptions = DEFAULT_EVALUATION_OPTIONS): Computed {
  const evaluation = f.wholeYear
    ? evaluate(
        f.direction,
        f.plan,
        f.actual ?? worstCase(f.actualTarget ?? null, f.direction),
        f.kind === "absolute" ? { relative: options.approxRelative } : { points: options.approxPoints },
      )
    : null;
  if (f.kind === "absolute") {
    const index = percentOf(f.actual, f.previous);
    return {
      planPercent: f.plan ? percentOf(f.actual, planBasis(f.plan)) : null,
      index,
      growthPercent: index === null ? null : index - 100,
      changePoints: null,
      planGapPoints: null,
      evaluation,
    };
  }
  if (f.kind === "rate") {
    return {
      planPercent: null,
      index: null,
      growthPercent: null,
      changePoints: difference(f.actual, f.previous),
      planGapPoints: planGap(f.plan, f.actual),
      evaluation,
    };
  }
  // An index such as IIP ("Năm trước = 100") is its own comparison with the previous year.
  if (f.measure === "index" && f.actual !== null && Number.isFinite(f.actual)) {
    return {
      planPercent: null,
      index: f.actual,
      growthPercent: f.actual - 100,
      changePoints: difference(f.actual, f.previous),
      planGapPoints: planGap(f.plan, f.actual),
      evaluation,
    };
  }
  return {
    planPercent: null,
    index: null,
    growthPercent: null,
    changePoints: difference(f.actual, f.previous),
    planGapPoints: null,
    evaluation,
  };
}

/**
 * The figure an actual written as a range or a bound is judged by: its worst end for the
 * indicator's direction ("61-62" against a plan of 62 for a higher-is-better indicator is 61);
 * null when that end is open ("Trên 4" where lower is better).
 */
export function worstCase(target: PlanTarget | null, direction: Direction): number | null {
  if (target === null) return null;
  return direction === "higher" ? target.low : target.high;
}

/** How far a rate is from its target, in points; 0 when inside a range or past a threshold. */
export function planGap(plan: PlanTarget | null, actual: number | null): number | null {
  if (plan === null || actual === null) return null;
  const { low, high } = plan;
  switch (plan.qualifier) {
    case "point":
    case "approx":
      return difference(actual, low);
    case "min":
      return difference(actual, low);
    case "max":
      return difference(actual, high);
    case "range":
      if (low !== null && actual < low) return actual - low;
      if (high !== null && actual > high) return actual - high;
      return 0;
  }
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Đạt / Vượt / Không đạt of an actual against a plan target. "Vượt" means beyond the target in
 * the good direction; a threshold target ("Trên 90", "Dưới 4") is met (Đạt) or not.
 */
export function evaluate(
  direction: Direction,
  plan: PlanTarget | null,
  actual: number | null,
  tolerance: { points?: number; relative?: number },
): Evaluation | null {
  if (plan === null || actual === null || !Number.isFinite(actual)) return null;
  const better = (a: number, b: number) => (direction === "higher" ? a > b : a < b);
  const { low, high, strict } = plan;
  switch (plan.qualifier) {
    case "point": {
      if (low === null) return null;
      if (same(actual, low)) return "Đạt";
      return better(actual, low) ? "Vượt" : "Không đạt";
    }
    case "approx": {
      if (low === null) return null;
      const halfWidth = tolerance.points ?? Math.abs(low) * (tolerance.relative ?? 0);
      if (Math.abs(actual - low) <= halfWidth + 1e-12) return "Đạt";
      return better(actual, low) ? "Vượt" : "Không đạt";
    }
    case "min": {
      if (low === null) return null;
      const met = strict ? actual > low : actual >= low || same(actual, low);
      return met ? "Đạt" : "Không đạt";
    }
    case "max": {
      if (high === null) return null;
      const met = strict ? actual < high : actual <= high || same(actual, high);
      return met ? "Đạt" : "Không đạt";
    }
    case "range": {
      if (low === null || high === null) return null;
      const inside = (actual >= low || same(actual, low)) && (actual <= high || same(actual, high));
      if (inside) return "Đạt";
      const beyondGood = direction === "higher" ? actual > high : actual < low;
      return beyondGood ? "Vượt" : "Không đạt";
    }
  }
}
