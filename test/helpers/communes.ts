// Communes' 6-month reports and the province's table to consolidate them into: the same indicators
// (two flows, a stock of households, the poverty rate weighted by households, a growth rate), with
// the figures of each commune generated from its number.
import type { CellValue } from "../../src/core/model/snapshot";

export interface CommuneFigures {
  industry: number;
  budget: number | null;
  households: number;
  poverty: number;
  growth: number;
}

export const COMMUNE_HEADER = [
  "STT",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Kế hoạch năm 2026",
  "Thực hiện 6 tháng đầu năm 2025",
  "Ước thực hiện 6 tháng đầu năm 2026",
];

/** Commune n's figures: different sizes, one decimal, a poverty rate between 1 and 9%. */
export function communeFigures(n: number): { plan: CommuneFigures; previous: CommuneFigures; actual: CommuneFigures } {
  const size = 1 + (n % 7);
  const figures = (scale: number): CommuneFigures => ({
    industry: Math.round(120.5 * size * scale * 10) / 10,
    budget: Math.round(14.3 * size * scale * 10) / 10,
    households: 800 * size + 13 * n,
    poverty: Math.round((1 + ((n * 37) % 80) / 10) * 10) / 10,
    growth: 6.5,
  });
  return { plan: figures(2.1), previous: figures(0.95), actual: figures(1) };
}

function rows(title: string, f: { plan: CommuneFigures; previous: CommuneFigures; actual: CommuneFigures } | null): CellValue[][] {
  const at = (pick: (x: CommuneFigures) => number | null) => (f ? [pick(f.plan), pick(f.previous), pick(f.actual)] : [null, null, null]);
  return [
    [title],
    [],
    COMMUNE_HEADER,
    ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", ...at((x) => x.industry)],
    ["2", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", ...at((x) => x.budget)],
    ["3", "Số hộ dân cư", "Hộ", ...at((x) => x.households)],
    ["4", "Tỷ lệ hộ nghèo", "%", ...at((x) => x.poverty)],
    ["5", "Tốc độ tăng trưởng kinh tế", "%", ...at((x) => x.growth)],
  ];
}

/** A commune's report. */
export function communeRows(n: number, figures = communeFigures(n)): CellValue[][] {
  return rows(`MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026 CỦA XÃ SỐ ${n}`, figures);
}

/** The province's table: the same rows, every figure empty. */
export function provinceRows(): CellValue[][] {
  return rows("MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026 CỦA TỈNH", null);
}
