import fc from "fast-check";
import { findHeader, resolveColumns } from "../../src/core/reading/layout";
import type { CellValue } from "../../src/core/model/snapshot";
import { sheet } from "../helpers/grid";
import type { ColumnRole } from "../../src/core/model/indicator";

function roles(values: CellValue[][], merges: string[] = [], year: number | null = null): Record<string, ColumnRole> {
  const s = sheet("S", values, merges);
  const header = findHeader(s)!;
  const resolved = resolveColumns(header, s.name, year);
  return Object.fromEntries(resolved.columns.map((c) => [c.letter, c.role]));
}

describe("findHeader", () => {
  const twoRow: CellValue[][] = [
    ["BIỂU 01: CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2020"],
    [],
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2020", "Thực hiện 6 tháng 2019", "Ước thực hiện 6 tháng 2020", "So sánh (%)", null, "Ghi chú"],
    [null, null, null, null, null, null, "Với KH", "Với CK", null],
    ["A", "B", "C", 1, 2, 3, "4=3/1", "5=3/2", 6],
    ["I", "Kinh tế"],
  ];
  const merges = ["A1:I1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:H3", "I3:I4"];

  it("finds a two-row merged header, its column-number row and where data starts", () => {
    const header = findHeader(sheet("S", twoRow, merges))!;
    expect(header.rows).toEqual([2, 3]);
    expect(header.numberRow).toBe(4);
    expect(header.dataStart).toBe(5);
    expect(header.title).toContain("6 THÁNG ĐẦU NĂM 2020");
    expect(header.columns.find((c) => c.col === 6)).toMatchObject({ header: "So sánh (%) Với KH", headerCell: "G4" });
  });

  it("gives each column its role, the group label joined to its sub-headers", () => {
    expect(roles(twoRow, merges)).toEqual({
      A: "order",
      B: "indicator",
      C: "unit",
      D: "plan",
      E: "previous",
      F: "actual",
      G: "statedPlanPercent",
      H: "statedPrevious",
      I: "notes",
    });
  });

  it("takes the plan of the report year, not next year's plan column", () => {
    const values: CellValue[][] = [
      ["TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2021"],
      ["TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2022", "Thực hiện năm 2020", "Kế hoạch năm 2021", "Ước thực hiện năm 2021", "Đánh giá"],
      ["1", "GRDP", "%", 7, 3, 6.5, 6.56, "Đạt"],
    ];
    expect(roles(values)).toMatchObject({ D: "otherPlan", E: "previous", F: "plan", G: "actual", H: "evaluation" });
  });

  it("reads a year group over figure columns ('Năm 2020' over 'KH | TH') and years typed as numbers", () => {
    const values: CellValue[][] = [
      ["Số TT", "Nội dung", "ĐVT", 2019, "Năm 2020", null, "Tăng, giảm so cùng kỳ (%)"],
      [null, null, null, "Thực hiện", "Kế hoạch", "Thực hiện", null],
      ["1", "Thu ngân sách", "Tỷ đồng", 900, 1000, 960, 6.7],
    ];
    const r = roles(values, ["A1:A2", "B1:B2", "C1:C2", "E1:F1", "G1:G2"]);
    expect(r).toMatchObject({ A: "order", B: "indicator", C: "unit", D: "previous", E: "plan", F: "actual", G: "statedPrevious" });
  });

  it("keeps the actual of the report's period and names the whole-year estimate", () => {
    const values: CellValue[][] = [
      ["BÁO CÁO 6 THÁNG NĂM 2022"],
      ["STT", "Chỉ tiêu", "ĐVT", "KH 2022", "TH tháng 6", "Lũy kế 6 tháng", "Ước TH cả năm 2022", "Cùng kỳ"],
      ["1", "X", "tấn", 1, 2, 3, 4, 5],
    ];
    expect(roles(values)).toMatchObject({ E: "history", F: "actual", G: "yearEstimate", H: "previous" });
  });

  it("does not take a period's slash for a comparison (9T/2021)", () => {
    const values: CellValue[][] = [
      ["Chỉ tiêu", "KH 2021", "TH 9T/2020", "ƯTH 9T/2021", "% KH", "% CK"],
      ["Thu NS (tỷ đồng)", 1, 2, 3, 4, 5],
    ];
    expect(roles(values, [], 2021)).toEqual({
      A: "indicator",
      B: "plan",
      C: "previous",
      D: "actual",
      E: "statedPlanPercent",
      F: "statedPrevious",
    });
  });

  it.each([
    ["a notes page", [["Ghi chú"], ["Số liệu 2021 là số ước thực hiện, sẽ được cập nhật."]]],
    ["a cover page", [[], ["BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH 6 THÁNG"], ["Tỉnh X, tháng 7/2020"]]],
    ["an empty sheet", []],
    [
      "a table of figures only",
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    ["a title merged across the table", [["TÌNH HÌNH THỰC HIỆN CHỈ TIÊU KẾ HOẠCH"]]],
  ])("finds no indicator header on %s", (_, values) => {
    expect(findHeader(sheet("S", values as CellValue[][], ["A1:H1"]))).toBeNull();
  });

  it("never throws on random grids with random merges", () => {
    const vocabulary = [
      "STT",
      "Chỉ tiêu",
      "ĐVT",
      "Kế hoạch năm 2020",
      "TH 6T/2020",
      "Cùng kỳ",
      "So sánh (%)",
      "TH/KH",
      "Trong đó:",
      "Chia ra:",
      "I",
      "1",
      "-",
      "khoảng 10.000",
      "6,6-6,8",
      "1.235,6",
      "",
      "#DIV/0!",
    ];
    const cell = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.string({ maxLength: 30 }),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.record({ error: fc.constantFrom("#DIV/0!", "#N/A", "#REF!") }),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 });
    const merge = fc
      .tuple(fc.nat(45), fc.nat(14), fc.nat(3), fc.nat(3))
      .map(([r, c, h, w]) => ({ top: r, left: c, bottom: r + h, right: c + w }));
    fc.assert(
      fc.property(
        grid,
        fc.array(merge, { maxLength: 10 }),
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
        (values, merges, year) => {
          const s = { name: "S", values, merges };
          const header = findHeader(s);
          if (header) {
            const resolved = resolveColumns(header, "S", year);
            expect(resolved.columns.every((c) => c.col >= 0)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
