import { parseUnit, sameBase, splitScale } from "../../src/core/model/units";

describe("units", () => {
  it.each([
    ["Tỷ đồng", 1e9, "dong"],
    ["nghìn tỷ đồng", 1e12, "dong"],
    ["Ngàn tỷ đồng", 1e12, "dong"],
    ["Triệu USD", 1e6, "usd"],
    ["vạn tấn", 1e4, "tan"],
    ["tỉ đồng", 1e9, "dong"],
    ["Nghìn lượt", 1e3, "luot"],
    ["Lượt", 1, "luot"],
    ["tấn", 1, "tan"],
    ["Tiêu chí", 1, "tieu chi"],
  ])("%s has scale %d on %s", (text, scale, base) => {
    const unit = parseUnit(text);
    expect(unit.scale).toBe(scale);
    expect(unit.base).toBe(base);
  });

  it("tells percent, points, per mille and ratios apart", () => {
    expect(parseUnit("%")).toMatchObject({ percent: true, points: false });
    expect(parseUnit("Điểm %")).toMatchObject({ percent: false, points: true });
    expect(parseUnit("‰")).toMatchObject({ perMille: true });
    expect(parseUnit("USD/người")).toMatchObject({ ratio: true, scale: 1 });
    expect(parseUnit("bác sĩ/vạn dân")).toMatchObject({ ratio: true });
  });

  it("compares bases regardless of scale", () => {
    expect(sameBase(parseUnit("tỷ đồng"), parseUnit("triệu đồng"))).toBe(true);
    expect(sameBase(parseUnit("tỷ đồng"), parseUnit("triệu USD"))).toBe(false);
    expect(splitScale("nghin ty dong")).toEqual({ scale: 1e12, rest: "dong" });
  });
});
