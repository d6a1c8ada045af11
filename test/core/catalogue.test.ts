import { CatalogueMatcher, catalogueProblems, extendCatalogue } from "../../src/core/model/catalogue";
import { DEFAULT_CATALOGUE } from "../../src/core/model/catalogueData";

const matcher = new CatalogueMatcher(DEFAULT_CATALOGUE);

describe("catalogue", () => {
  it.each([
    ["Giá trị sản xuất công nghiệp (giá so sánh 2010)", "industry-output"],
    ["GTSX công nghiệp", "industry-output"],
    ["Tổng thu NSNN trên địa bàn", "state-budget-revenue"],
    ["Tốc độ tăng trưởng GRDP", "grdp-growth"],
    ["Tổng sản phẩm trên địa bàn (GRDP)", "grdp"],
    ["Tỷ lệ tham gia BHYT", "health-insurance"],
    ["TỶ LỆ HỘ NGHÈO (chuẩn đa chiều)", "poverty-rate"],
    ["Mức giảm tỷ lệ hộ nghèo", "poverty-reduction"],
    ["Ty le ho ngheo", "poverty-rate"],
    ["Số DN thành lập mới", "new-enterprises"],
  ])("matches %s to %s", (name, id) => {
    expect(matcher.match(name)?.id).toBe(id);
  });

  it("gives direction: lower is better for poverty, higher for its reduction", () => {
    expect(matcher.profile("Tỷ lệ hộ nghèo", "%").direction).toBe("lower");
    expect(matcher.profile("Mức giảm tỷ lệ hộ nghèo", "điểm %").direction).toBe("higher");
    // CPI is an index with a base of 100 (lower is better); its growth rate is a separate indicator.
    expect(matcher.profile("Chỉ số giá tiêu dùng (CPI) bình quân", "%")).toMatchObject({
      kind: "index",
      measure: "index",
      direction: "lower",
    });
    expect(matcher.profile("Tốc độ tăng chỉ số giá tiêu dùng (CPI) bình quân", "%")).toMatchObject({
      kind: "rate",
      measure: "growth",
      direction: "lower",
    });
  });

  it("infers kind from the name and unit when the catalogue does not know the indicator", () => {
    expect(matcher.profile("Tỷ lệ trẻ em đến trường đúng độ tuổi", "%")).toMatchObject({
      kind: "rate",
      measure: "level",
      direction: "higher",
      entry: null,
    });
    expect(matcher.profile("Cơ cấu ngành dịch vụ", "%")).toMatchObject({ kind: "rate", measure: "share" });
    expect(matcher.profile("Số vụ vi phạm hành chính", "vụ")).toMatchObject({ kind: "absolute", direction: "lower" });
    expect(matcher.profile("Doanh thu bưu chính viễn thông", "tỷ đồng")).toMatchObject({ kind: "absolute", measure: "flow" });
    expect(matcher.profile("Chỉ số năng lực cạnh tranh cấp tỉnh", "điểm")).toMatchObject({ kind: "other", measure: "index" });
  });

  it("lets a user add entries, override one by id, and add abbreviations", () => {
    const extended = extendCatalogue(DEFAULT_CATALOGUE, {
      entries: [
        { id: "ocop", name: "Số sản phẩm OCOP đạt 3 sao trở lên", kind: "absolute", measure: "stock", direction: "higher" },
        { id: "poverty-rate", name: "Tỷ lệ hộ nghèo", kind: "rate", measure: "level", direction: "higher" },
      ],
      abbreviations: { SPCL: "sản phẩm chủ lực" },
    });
    const m = new CatalogueMatcher(extended);
    expect(m.match("Số sản phẩm OCOP đạt 3 sao trở lên")?.id).toBe("ocop");
    expect(m.profile("Tỷ lệ hộ nghèo", "%").direction).toBe("higher");
    expect(extended.abbreviations.spcl).toBe("san pham chu luc");
    expect(extended.entries.length).toBe(DEFAULT_CATALOGUE.entries.length + 1);
  });

  it("explains what is wrong with a user's catalogue", () => {
    expect(catalogueProblems({ entries: [{ id: "x", name: "X", kind: "absolute", measure: "flow", direction: "higher" }] })).toEqual([]);
    expect(catalogueProblems([])).toHaveLength(1);
    expect(catalogueProblems({ entries: [{ id: "x", kind: "big", measure: "flow", direction: "up" }] }).join(" ")).toMatch(
      /name.*kind.*direction/s,
    );
  });
});
