import { parsePlanText, planBasis } from "../../src/core/model/plan";
import { parseUnit } from "../../src/core/model/units";

const percent = parseUnit("%");
const billion = parseUnit("tỷ đồng");

describe("parsePlanText", () => {
  it.each([
    ["6,6-6,8", "range", 6.6, 6.8, false],
    ["8,5 - 9,5%", "range", 8.5, 9.5, false],
    ["từ 7,5 đến 8", "range", 7.5, 8, false],
    ["Khoảng 4", "approx", 4, 4, false],
    ["Dưới 4", "max", null, 4, true],
    ["không quá 3,5", "max", null, 3.5, false],
    ["Trên 90", "min", 90, null, true],
    ["từ 7,5% trở lên", "min", 7.5, null, false],
    ["98,4% trở lên", "min", 98.4, null, false],
    ["tối thiểu 95", "min", 95, null, false],
    ["15.600", "point", 15600, 15600, false],
  ])("%s → %s [%p, %p]", (text, qualifier, low, high, strict) => {
    expect(parsePlanText(text, percent, "vi")).toMatchObject({ qualifier, low, high, strict });
  });

  it("converts scale words to the unit of the row", () => {
    expect(parsePlanText("43,5 nghìn tỷ đồng trở lên", billion, "vi")).toMatchObject({ qualifier: "min", low: 43500 });
    expect(parsePlanText("Khoảng 4,6 nghìn tỷ", billion, "vi")?.low).toBeCloseTo(4600, 6);
  });

  it("gives no target for a plan written in words, or written as a change of the level", () => {
    expect(parsePlanText("Giảm 1,5", percent, "vi")).toBeNull();
    expect(parsePlanText("tăng 0,5 điểm %", percent, "vi")).toBeNull();
    expect(parsePlanText("Duy trì", percent, "vi")).toBeNull();
    expect(parsePlanText("Xuất siêu", percent, "vi")).toBeNull();
  });

  it("has a basis for percentages except for ranges", () => {
    expect(planBasis(parsePlanText("Khoảng 850", billion, "vi")!)).toBe(850);
    expect(planBasis(parsePlanText("6,6-6,8", percent, "vi")!)).toBeNull();
    expect(planBasis(parsePlanText("Dưới 4", percent, "vi")!)).toBe(4);
  });
});
