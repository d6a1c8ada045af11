import { moveFormula, moveRanges, RowMap } from "../../src/core/fill/references";

// Template row 7 repeats 4 times: rows 7–10 in the output; the template's row 8 lands on row 11.
const map = new RowMap([{ row: 7, times: 4 }]);

describe("moving references when a template row repeats", () => {
  test("a range that ends on the repeated row grows over every copy; rows below move down", () => {
    expect(moveFormula("SUM(C6:C7)", map, "Mẫu")).toBe("SUM(C6:C10)");
    expect(moveFormula("C8*2+$D$9", map, "Mẫu")).toBe("C11*2+$D$12");
    expect(moveFormula("C5", map, "Mẫu")).toBe("C5");
  });

  test("in the k-th copy a relative reference to its own row follows the copy; absolute ones stay", () => {
    expect(moveFormula("D7/E7*100", map, "Mẫu", 7, 0)).toBe("D7/E7*100");
    expect(moveFormula("D7/E7*100", map, "Mẫu", 7, 2)).toBe("D9/E9*100");
    expect(moveFormula("D7/E$7", map, "Mẫu", 7, 3)).toBe("D10/E$7");
  });

  test("other sheets, string literals and function names are left alone; the template's own name is the filled sheet's", () => {
    // The filled sheet has a name of its own: "Mẫu" would be the template, or no sheet at all.
    expect(moveFormula("'Biểu 01'!C8+Mẫu!C8+'Mẫu'!C8", map, "Mẫu")).toBe("'Biểu 01'!C8+C11+C11");
    expect(moveFormula('IF(C8="C8",LOG10(C8),"-")', map, "Mẫu")).toBe('IF(C11="C8",LOG10(C11),"-")');
  });

  test("merged areas and conditional-format ranges move the same way", () => {
    expect(moveRanges("A1:I1", map)).toBe("A1:I1");
    expect(moveRanges("C6:C7 E8:F9", map)).toBe("C6:C10 E11:F12");
  });
});
