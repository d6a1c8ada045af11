// A figure typed as text is brought into a generated table by NUMBERVALUE only when Excel's
// NUMBERVALUE gives the figure chitieu read; otherwise as that figure, a constant.
import fc from "fast-check";
import { excelNumberValue } from "../../src/core/fill/formulas";

describe("Excel's NUMBERVALUE, as chitieu relies on it", () => {
  test.each([
    ["1.235,6", ",", ".", 1235.6],
    [" 3 000 ", ",", ".", 3000],
    ["1 200.5", ",", ".", 12005],
    ["1 200.5", ".", ",", 1200.5],
    ["5%", ",", ".", 0.05],
    ["9%%", ",", ".", 0.0009],
    ["-2,5", ",", ".", -2.5],
    ["", ",", ".", null],
    ["1,2,3", ",", ".", null],
    ["1,2.3", ",", ".", null],
    ["1\u00a0202,6", ",", ".", null],
    ["(1,5)", ",", ".", null],
    ["\u22122,5", ",", ".", null],
    ["136 tỷ", ",", ".", null],
    ["650000\n210000", ",", ".", null],
  ])("%j with %j and %j gives %j", (text, decimal, group, expected) => {
    expect(excelNumberValue(text, decimal, group)).toBe(expected);
  });

  test("a number written with either convention reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (Math.sign(whole || 1) * cents) / 100;
        const en = value.toLocaleString("en-US", { minimumFractionDigits: 2 });
        const vi = en.replace(/,/g, " ").replace(".", ",").replace(/ /g, ".");
        expect(excelNumberValue(en, ".", ",")).toBeCloseTo(value, 6);
        expect(excelNumberValue(vi, ",", ".")).toBeCloseTo(value, 6);
      }),
    );
  });
});
