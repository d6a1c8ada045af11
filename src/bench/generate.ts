// The benchmark workbook: 60 sheets × 300 indicators (18,000 indicator rows), each sheet a
// district's table with a two-row merged header, a column-number row, groups, "Trong đó"
// blocks, rates, and some figures typed as text in Vietnamese style.

import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../core/model/catalogueData";
import { formatNumber } from "../core/model/numbers";
import { isCountUnit } from "../core/model/units";

export const BENCH_SHEETS = 60;
export const BENCH_INDICATORS = 300;

/** A deterministic pseudo-random sequence, so that every run measures the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A unit's workbook: its seed, the months its report covers, whether its figures are left empty (a
 * blank form), and the unit its title names (each unit's report is a file of its own).
 */
export interface BenchUnit {
  seed?: number;
  months?: number;
  blank?: boolean;
  unit?: string;
}

export function benchWorkbook(sheets = BENCH_SHEETS, indicators = BENCH_INDICATORS, options: BenchUnit = {}): ExcelJS.Workbook {
  const { seed = 2020, months = 6, blank = false, unit } = options;
  const wb = new ExcelJS.Workbook();
  const rnd = random(seed);
  const entries = DEFAULT_CATALOGUE.entries;
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`Huyện ${s + 1}`);
    ws.getCell("A1").value = `BIỂU CHỈ TIÊU KINH TẾ - XÃ HỘI ${months} THÁNG ĐẦU NĂM 2020 - ${unit ?? `HUYỆN ${s + 1}`}`;
    ws.mergeCells("A1:I1");
    const header = [
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Kế hoạch năm 2020",
      `Thực hiện ${months} tháng 2019`,
      `Ước thực hiện ${months} tháng 2020`,
      "So sánh (%)",
      null,
      "Ghi chú",
    ];
    header.forEach((h, c) => h && (ws.getCell(3, c + 1).value = h));
    ws.getCell("G4").value = "TH/KH";
    ws.getCell("H4").value = "TH/CK";
    for (const m of ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:H3", "I3:I4"]) ws.mergeCells(m);
    ["A", "B", "C", "1", "2", "3", "4=3/1", "5=3/2", "6"].forEach((v, c) => (ws.getCell(5, c + 1).value = v));
    let row = 6;
    let group = 0;
    let parent: { name: string; unit: string; figures: [number, number, number] } | null = null;
    for (let i = 0; i < indicators; i++) {
      if (i % 50 === 0) {
        group++;
        ws.getRow(row++).values = [["I", "II", "III", "IV", "V", "VI", "VII"][group - 1], `Nhóm chỉ tiêu ${group}`];
      }
      const entry = entries[i % entries.length];
      const component: boolean = i % 10 === 2 && parent !== null;
      const rate: boolean = !component && entry.kind !== "absolute";
      let plan: number;
      let previous: number;
      let actual: number;
      if (component && parent) {
        // A part of the row above: about 40% of each of its figures.
        const places = isCountUnit(parent.unit) ? 1 : 10;
        [plan, previous, actual] = parent.figures.map((v) => Math.round(v * (0.35 + rnd() * 0.1) * places) / places);
      } else if (rate) {
        // Figures as such indicators run: an index near 100, a coefficient below 1, a growth rate of a few percent.
        const level =
          entry.kind === "index"
            ? 100 + rnd() * 8
            : entry.kind === "coefficient"
              ? 0.3 + rnd() * 0.5
              : entry.measure === "growth"
                ? 2 + rnd() * 6
                : 20 + rnd() * 70;
        const step = entry.kind === "coefficient" ? 0.01 : 1;
        plan = Math.round(level * 100) / 100;
        previous = Math.round((level - 2 * step + rnd() * 2 * step) * 100) / 100;
        actual = Math.round((previous + rnd() * 2 * step) * 100) / 100;
      } else {
        // Counts are whole numbers; amounts carry a decimal.
        const places = isCountUnit(entry.unit ?? "") ? 1 : 10;
        plan = Math.round(1000 + rnd() * 50000);
        previous = Math.round(plan * (0.4 + rnd() * 0.1) * places) / places;
        actual = Math.round(previous * (0.95 + rnd() * 0.15) * places) / places;
      }
      const unit: string = component && parent ? parent.unit : (entry.unit ?? "");
      const name: string =
        component && parent
          ? `${parent.name} - thành phần`
          : `${entry.name}${i >= entries.length ? ` (${Math.floor(i / entries.length) + 1})` : ""}`;
      const asText = i % 7 === 3;
      const cell = (v: number) => (blank ? null : asText ? formatNumber(v, 1) : v);
      const ratio = (a: number, b: number) => (rate || blank ? null : Math.round((a / b) * 1000) / 10);
      ws.getRow(row++).values = [
        component ? "-" : String(i + 1),
        name,
        unit,
        cell(plan),
        cell(previous),
        cell(actual),
        ratio(actual, plan),
        ratio(actual, previous),
        null,
      ];
      parent = rate ? null : { name, unit, figures: [plan, previous, actual] };
      if (i % 10 === 1) ws.getRow(row++).values = [null, "Trong đó:"];
    }
  }
  return wb;
}
