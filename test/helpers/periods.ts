// Reports of one province over periods, for comparing a report with the ones before it: the same
// three indicators (industrial output and budget revenue, both cumulative flows; forest cover, a rate).
import type { CellValue } from "../../src/core/model/snapshot";

export interface Figures {
  industry: number;
  budget: number;
  forest: number;
  /** The year plan of budget revenue. */
  budgetPlan?: number;
  budgetName?: string;
}

/**
 * The rows of a report of `months` months of `year` (12: the whole year), with last year's same
 * period beside it, and after it the whole-year estimate when one is given.
 */
export function periodRows(
  year: number,
  months: number,
  now: Figures,
  before: Figures,
  planHeader = `Kế hoạch năm ${year}`,
  estimate?: Figures,
): CellValue[][] {
  const period = (y: number) => (months === 12 ? `năm ${y}` : `${months} tháng đầu năm ${y}`);
  const extra = (pick: (f: Figures) => number) => (estimate ? [pick(estimate)] : []);
  return [
    [`MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ${period(year).toUpperCase()}`],
    [],
    [
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      planHeader,
      `Thực hiện ${period(year - 1)}`,
      `Ước thực hiện ${period(year)}`,
      ...(estimate ? [`Ước thực hiện cả năm ${year}`] : []),
    ],
    ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 18029, before.industry, now.industry, ...extra((f) => f.industry)],
    [
      "2",
      now.budgetName ?? "Thu ngân sách nhà nước trên địa bàn",
      "Tỷ đồng",
      now.budgetPlan ?? 2310,
      before.budget,
      now.budget,
      ...extra((f) => f.budget),
    ],
    ["3", "Tỷ lệ che phủ rừng", "%", 65, before.forest, now.forest, ...extra((f) => f.forest)],
  ];
}

export const Y2019_6 = { industry: 7515.1, budget: 1003.5, forest: 64.8 };
export const Y2020_6 = { industry: 7966, budget: 961.1, forest: 65 };
export const Y2020_9 = { industry: 12104.6, budget: 1534.2, forest: 65.1 };
export const Y2019_9 = { industry: 11208.3, budget: 1490.7, forest: 64.9 };

/** A period as reports name it: a month, a quarter, or the first N months (12: the year). */
export type PeriodSpec = { kind: "month"; n: number } | { kind: "quarter"; n: number } | { kind: "months"; n: number };

const QUARTERS = ["", "I", "II", "III", "IV"];

/** "tháng 5 năm 2020", "quý II năm 2020", "9 tháng đầu năm 2020", "năm 2020". */
export function periodName(p: PeriodSpec, year: number): string {
  if (p.kind === "month") return `tháng ${p.n} năm ${year}`;
  if (p.kind === "quarter") return `quý ${QUARTERS[p.n]} năm ${year}`;
  return p.n === 12 ? `năm ${year}` : `${p.n} tháng đầu năm ${year}`;
}

/** The rows of a report of any period, with last year's same period beside it and the year plan. */
export function reportRows(year: number, p: PeriodSpec, now: Figures, before: Figures, plan: Figures): CellValue[][] {
  return [
    [`MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ${periodName(p, year).toUpperCase()}`],
    [],
    [
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      `Kế hoạch năm ${year}`,
      `Thực hiện ${periodName(p, year - 1)}`,
      `Ước thực hiện ${periodName(p, year)}`,
    ],
    ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", plan.industry, before.industry, now.industry],
    ["2", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", plan.budget, before.budget, now.budget],
    ["3", "Tỷ lệ che phủ rừng", "%", plan.forest, before.forest, now.forest],
  ];
}
