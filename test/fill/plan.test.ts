import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { comparisonColumns, dataColumns } from "../../src/core/fill/extra";
import { legalSheetName, placeSheet } from "../../src/core/fill/plan";
import { isGeneratedSheet, markerText, readMarker } from "../../src/core/model/ownSheets";
import { sheet } from "../helpers/grid";
import { partYear } from "./narrativeCases";

const generated = (name: string, template = "bieu-chi-tieu", recorded = name) =>
  sheet(name, [["Tiêu đề"], [], [markerText(template, recorded)]]);

describe("where a generated sheet goes", () => {
  test("a new name when nothing has it", () => {
    expect(placeSheet({ sheets: [sheet("Biểu 01", [])] }, "bieu-chi-tieu", "Biểu chỉ tiêu 6T-2020")).toEqual({
      name: "Biểu chỉ tiêu 6T-2020",
      replaces: null,
    });
  });

  test("over the sheet chitieu generated for the same template and name", () => {
    const sheets = [sheet("Biểu 01", []), generated("Biểu chỉ tiêu 6T-2020")];
    expect(placeSheet({ sheets }, "bieu-chi-tieu", "Biểu chỉ tiêu 6T-2020")).toEqual({
      name: "Biểu chỉ tiêu 6T-2020",
      replaces: "Biểu chỉ tiêu 6T-2020",
    });
  });

  test("never over a sheet the user made with that name", () => {
    const sheets = [sheet("Biểu chỉ tiêu 6T-2020", [["số liệu của tôi", 1]])];
    expect(placeSheet({ sheets }, "bieu-chi-tieu", "Biểu chỉ tiêu 6T-2020")).toEqual({ name: "Biểu chỉ tiêu 6T-2020 (2)", replaces: null });
  });

  test("never over a generated sheet the user renamed, nor one another template made", () => {
    // Generated as "Biểu chỉ tiêu 6T-2020", then renamed by the user: its marker no longer matches.
    const renamed = generated("Biểu chỉ tiêu 6T-2020", "bieu-chi-tieu", "Bản gốc");
    expect(isGeneratedSheet(renamed)).toBe(false);
    expect(placeSheet({ sheets: [renamed] }, "bieu-chi-tieu", "Biểu chỉ tiêu 6T-2020").replaces).toBeNull();
    expect(placeSheet({ sheets: [generated("Báo cáo 6T-2020", "bao-cao")] }, "bieu-chi-tieu", "Báo cáo 6T-2020").replaces).toBeNull();
  });

  test("legal Excel names: no forbidden characters, at most 31 characters, unique suffixes fit", () => {
    expect(legalSheetName("Biểu [1]: 6T/2020?")).toBe("Biểu -1-- 6T-2020-");
    const long = "Biểu chỉ tiêu kinh tế xã hội chủ yếu 9T-2021";
    const placed = placeSheet({ sheets: [sheet(legalSheetName(long), [])] }, "bieu-chi-tieu", long);
    expect(placed.name).toHaveLength(31);
    expect(placed.name.endsWith(" (2)")).toBe(true);
  });

  test("any wanted name, astral characters and stray surrogates included, gives a name Excel accepts, suffixes too", () => {
    const legal = (name: string) =>
      name.length >= 1 &&
      name.length <= 31 &&
      !/[\\/?*[\]:]/.test(name) &&
      !/^'|'$/.test(name) &&
      name.toLowerCase() !== "history" &&
      !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("binary", "grapheme", "grapheme-composite") as never, maxLength: 60 }), (wanted) => {
        const name = legalSheetName(wanted);
        expect({ wanted, name, legal: legal(name) }).toEqual({ wanted, name, legal: true });
        const placed = placeSheet({ sheets: [sheet(name, [])] }, "bieu-chi-tieu", wanted);
        expect(legal(placed.name)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(legalSheetName("😀".repeat(20))).toBe("😀".repeat(15));
    expect(legalSheetName(" 'History' ")).toBe("History (chitieu)");
  });

  test("the marker is read back from column A, from the bottom", () => {
    expect(readMarker(generated("Báo cáo 6T-2020", "bao-cao"))).toEqual({ templateId: "bao-cao", name: "Báo cáo 6T-2020" });
    expect(readMarker(sheet("x", [["[chitieu:bao-cao|x] trong câu"]]))).toBeNull();
  });
});

describe("comparison columns", () => {
  const workbook = { sheets: [partYear()] };
  const analysis = checkWorkbook(workbook);
  const letter = (address: string | null) => (address ?? "").replace(/\d+$/, "");
  const first = analysis.indicators[0];

  it("never target a column the indicators are read from, nor one column twice", () => {
    for (const data of [first.cells.actual, first.cells.plan, first.cells.previous, first.cells.name].map(letter)) {
      const planned = comparisonColumns(workbook, analysis, "Biểu 01", { planPercent: data, previous: "Z" });
      expect(planned.refused).toEqual([data]);
      expect(planned.write.cells).toEqual([]);
    }
    expect(comparisonColumns(workbook, analysis, "Biểu 01", { planPercent: "Y", previous: "Y" }).refused).toEqual(["Y"]);
    expect(dataColumns(analysis, "Biểu 01")).toEqual(expect.arrayContaining([letter(first.cells.actual), letter(first.cells.plan)]));
  });

  it("write formulas into free columns, each row over its own figures", () => {
    const planned = comparisonColumns(workbook, analysis, "Biểu 01", { planPercent: "Y", previous: "Z" });
    expect(planned.refused).toEqual([]);
    const row = first.row;
    expect(planned.write.cells.find((c) => c.address === `Y${row}`)?.formula).toContain(`${letter(first.cells.actual)}${row}`);
  });
});
