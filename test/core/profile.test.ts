// What an indicator is, read from its name and unit as officials write them: the head noun decides
// the catalogue entry (a word inside a qualifier does not), "Chỉ số"/"Hệ số" give indices and
// coefficients, a count unit is never a rate, and direction and growth come from the head.

import fc from "fast-check";
import { CatalogueMatcher, type IndicatorProfile } from "../../src/core/model/catalogue";
import { DEFAULT_CATALOGUE } from "../../src/core/model/catalogueData";

const matcher = new CatalogueMatcher(DEFAULT_CATALOGUE);
const profile = (name: string, unit = ""): IndicatorProfile => matcher.profile(name, unit);
const id = (name: string, unit = ""): string | null => profile(name, unit).entry?.id ?? null;

describe("catalogue matching on the head of the name", () => {
  it.each([
    // A rate's head is "tỷ lệ": only rates of X match, however long an alias inside a qualifier is.
    ["Tỷ lệ nhập siêu so với tổng kim ngạch xuất khẩu", "%", "trade-deficit-rate"],
    ["2. TỶ LỆ NHẬP SIÊU SO VỚI XUẤT KHẨU (%)", "", "trade-deficit-rate"],
    ["ty le nhap sieu so voi tong kim ngach xuat khau", "%", "trade-deficit-rate"],
    ["Tỉ lệ dân số sử dụng nước sạch", "%", "clean-water"],
    ["- Tỷ lệ dân cư thành thị được cung cấp nước sạch từ hệ thống cấp nước tập trung", "%", "urban-clean-water"],
    ["+ Tỷ lệ dân số nông thôn sử dụng nước sạch theo quy chuẩn (%)", "", "rural-clean-water"],
    // Income per capita is not GRDP per capita; GRDP per capita is not GRDP.
    ["Thu nhập bình quân đầu người", "triệu đồng", "income-per-capita"],
    ["- Thu nhap binh quan dau nguoi/nam", "Tr.đồng", "income-per-capita"],
    ["Thu nhập bình quân một người một tháng (nghìn đồng)", "", "income-per-capita"],
    ["Tổng sản phẩm trong tỉnh bình quân đầu người", "USD", "grdp-per-capita"],
    ["*. GDP bình quân đầu người", "USD", "grdp-per-capita"],
    ["Mật độ dân số", "người/km2", "population-density"],
    ["1. Dân số trung bình", "nghìn người", "population"],
    ["Tổng dân số", "người", "population"],
  ])("%s (%s) is %s", (name, unit, expected) => {
    expect(id(name, unit)).toBe(expected);
  });

  it.each([
    // Aliases found only inside a qualifier ("so với…", "của…") or after a structural head.
    ["Tỷ lệ dân số có thẻ bảo hiểm nông nghiệp", "%"],
    ["Tỷ lệ thu nội địa so với tổng thu ngân sách nhà nước", "%"],
    ["Tỷ lệ vốn đầu tư so với tổng sản phẩm trên địa bàn", "%"],
    ["Tỷ lệ doanh nghiệp thành lập mới đi vào hoạt động", "%"],
    ["Tỷ trọng đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng", "%"],
    ["Cơ cấu thu ngân sách nhà nước theo nguồn", "%"],
    ["Tốc độ tăng giá trị sản xuất công nghiệp", "%"],
    ["Tốc độ tăng thu ngân sách nhà nước trên địa bàn", "%"],
    ["Kim ngạch xuất khẩu tăng so với cùng kỳ", "%"],
    ["Thu ngân sách bình quân đầu người", "triệu đồng/người"],
  ])("%s binds no entry", (name, unit) => {
    expect(id(name, unit)).toBeNull();
    expect(matcher.match(name)).toBeNull();
  });

  it.each([
    ["Giá trị sản xuất trên 1 lao động", "Triệu đồng"],
    ["Số thuê bao internet trên 100 dân", "Thuê bao"],
    ["Giá trị sản phẩm thu hoạch trên một héc ta đất canh tác", "Triệu đồng"],
    ["Giá trị sản xuất công nghiệp trên 1.000 dân", "Tỷ đồng"],
  ])("%s is a figure per unit, never the amount it divides", (name, unit) => {
    expect(profile(name, unit)).toMatchObject({ kind: "absolute", measure: "ratio", entry: null });
  });

  it("a total of a place ('trên địa bàn') is still the total", () => {
    expect(profile("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng")).toMatchObject({
      measure: "flow",
      entry: { id: "state-budget-revenue" },
    });
  });

  it("reads a growth rate of X as growth, never as the level of X", () => {
    expect(profile("Tốc độ tăng giá trị sản xuất công nghiệp", "%")).toMatchObject({ kind: "rate", measure: "growth", entry: null });
    expect(profile("TỐC ĐỘ TĂNG THU NGÂN SÁCH NHÀ NƯỚC", "%")).toMatchObject({ kind: "rate", measure: "growth", entry: null });
    expect(profile("Kim ngạch xuất khẩu tăng so với cùng kỳ", "%")).toMatchObject({ kind: "rate", measure: "growth" });
    expect(profile("a) Tốc độ tăng trưởng kinh tế (GRDP)", "%")).toMatchObject({ measure: "growth", entry: { id: "grdp-growth" } });
    expect(profile("Tốc độ tăng chỉ số giá tiêu dùng (CPI) bình quân", "%")).toMatchObject({
      kind: "rate",
      measure: "growth",
      direction: "lower",
      entry: { id: "cpi-growth" },
    });
  });

  it("finds the head of a subject in prose after an opening adverbial, never in a qualifier", () => {
    expect(matcher.match("Trong quý I năm 2021, giá trị sản xuất công nghiệp trên địa bàn")?.id).toBe("industry-output");
    expect(matcher.match("Đến cuối năm, tỷ lệ hộ nghèo toàn tỉnh")?.id).toBe("poverty-rate");
    expect(matcher.match("Tỷ lệ nhập siêu, so với tổng kim ngạch xuất khẩu")?.id).toBe("trade-deficit-rate");
    expect(matcher.match("Tỷ lệ lao động nữ, so với tổng kim ngạch xuất khẩu")).toBeNull();
  });

  it("takes off order marks, connectors and quantifiers before the head", () => {
    for (const name of [
      "1. Số xã đạt chuẩn nông thôn mới",
      "- Số xã đạt chuẩn NTM",
      "*. Tổng số xã đạt chuẩn nông thôn mới",
      "II. SỐ XÃ ĐẠT CHUẨN NÔNG THÔN MỚI",
      "Tr.đó: Số xã đạt chuẩn NTM",
      "Trong đó: - số xa dat chuan nong thon moi",
      "1.2. Xã đạt chuẩn nông thôn mới (xã)",
    ])
      expect([name, id(name, "xã")]).toEqual([name, "ntm-communes"]);
  });
});

describe("indices and coefficients", () => {
  it.each([
    ["Chỉ số giá tiêu dùng", "%", "cpi", "lower"],
    ["CHỈ SỐ GIÁ TIÊU DÙNG BÌNH QUÂN NĂM", "%", "cpi", "lower"],
    ["Chỉ số giá tiêu dùng (tháng trước = 100)", "%", "cpi-monthly", "lower"],
    ["*. Chỉ số sản xuất công nghiệp (IIP)", "%", "iip", "higher"],
    ["chi so san xuat cong nghiep", "", "iip", "higher"],
    ["Chỉ số giá sản xuất hàng công nghiệp (năm trước = 100)", "%", null, "higher"],
    ["Giá trị sản xuất công nghiệp (năm trước = 100)", "%", "industry-output", "higher"],
    ["Chỉ số giá xuất khẩu", "", null, "higher"],
    ["Bình quân các tháng - Average index", "%", null, "higher"],
    ["Tháng 6 năm nay so với tháng 6 năm trước", "%", null, "higher"],
  ])("%s (%s) is an index with a base of 100", (name, unit, expected, direction) => {
    expect(profile(name, unit)).toMatchObject({ kind: "index", measure: "index", direction });
    expect(id(name, unit)).toBe(expected);
  });

  it.each([
    ["Chỉ số phát triển con người (HDI)", "", "hdi", "higher"],
    ["chi so phat trien con nguoi", "", "hdi", "higher"],
    ["- Chỉ số HDI", "", "hdi", "higher"],
    ["Hệ số bất bình đẳng trong phân phối thu nhập (GINI)", "", "gini", "lower"],
    ["HỆ SỐ GINI", "lần", "gini", "lower"],
    ["Hệ số ICOR", "", "icor", "lower"],
    ["3. Hệ số ICOR", "lần", "icor", "lower"],
    ["Hệ số sử dụng đất", "lần", null, "higher"],
  ])("%s (%s) is a coefficient", (name, unit, expected, direction) => {
    const p = profile(name, unit);
    expect(p.kind).toBe("coefficient");
    expect(p.direction).toBe(direction);
    expect(p.entry?.id ?? null).toBe(expected);
  });

  it("keeps a score in points apart from an index", () => {
    expect(profile("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "")).toMatchObject({ kind: "other", measure: "index" });
    expect(profile("Chỉ số cải cách hành chính", "điểm")).toMatchObject({ kind: "other", measure: "index" });
  });
});

describe("units: a count is never a rate", () => {
  it.each(["Trường", "xã", "huyện", "HTX", "hộ", "người", "doanh nghiệp", "sản phẩm", "dự án", "lượt", "bác sĩ", "giường", "nghìn người"])(
    "a 'Tỷ lệ…' name counted in %s is absolute",
    (unit) => {
      expect(profile("Tỷ lệ đơn vị hoàn thành chỉ tiêu được giao", unit).kind).toBe("absolute");
      expect(profile("Tỷ lệ hộ nghèo", unit).kind).toBe("absolute");
    },
  );

  it("counts the thing a rate's wording names when the unit counts it", () => {
    expect(profile("Tỷ lệ xã đạt chuẩn nông thôn mới", "xã")).toMatchObject({ kind: "absolute", entry: { id: "ntm-communes" } });
    expect(profile("Tỷ lệ xã đạt chuẩn nông thôn mới", "%")).toMatchObject({ kind: "rate", entry: { id: "ntm-communes-rate" } });
    expect(profile("Tỷ lệ hộ nghèo", "hộ")).toMatchObject({ kind: "absolute", direction: "lower", entry: { id: "poor-households" } });
    expect(profile("Tỷ lệ trường đạt chuẩn quốc gia", "Trường")).toMatchObject({ kind: "absolute", entry: null });
    expect(profile("Xây dựng trường đạt chuẩn quốc gia", "Trường")).toMatchObject({ kind: "absolute", entry: null });
    expect(profile("Số xã đạt chuẩn NTM", "xã")).toMatchObject({ kind: "absolute", measure: "stock", entry: { id: "ntm-communes" } });
    expect(profile("Số sản phẩm OCOP được công nhận", "sản phẩm")).toMatchObject({ kind: "absolute", entry: { id: "ocop-products" } });
    expect(profile("+ Số HTX đang hoạt động", "HTX")).toMatchObject({ kind: "absolute", entry: { id: "cooperatives" } });
    expect(profile("Số huyện đạt chuẩn nông thôn mới", "huyện")).toMatchObject({ kind: "absolute", entry: { id: "ntm-districts" } });
  });

  it("reads a rate from its unit or its head, with or without (%) in the name", () => {
    expect(profile("Trẻ em trong độ tuổi được tiêm chủng đầy đủ", "%")).toMatchObject({ kind: "rate", measure: "level" });
    expect(profile("Tỷ lệ trẻ em được tiêm chủng đầy đủ", "")).toMatchObject({ kind: "rate", measure: "level" });
    expect(profile("Tỷ lệ xã có chợ (%)", "")).toMatchObject({ kind: "rate", measure: "level" });
    expect(profile("Tỷ suất chết thô", "‰")).toMatchObject({ kind: "rate", direction: "lower" });
    expect(profile("Mức giảm tỷ lệ sinh con thứ ba", "điểm %")).toMatchObject({ kind: "rate", measure: "growth", direction: "higher" });
  });

  it("reads the unit written in the name when the unit column is empty", () => {
    expect(profile("Giá trị xuất khẩu (triệu USD)", "")).toMatchObject({ kind: "absolute", entry: { id: "exports" } });
    expect(profile("Số hộ nghèo (hộ)", "")).toMatchObject({ kind: "absolute", direction: "lower" });
    expect(profile("Tỷ lệ trường học đạt chuẩn (trường)", "")).toMatchObject({ kind: "absolute" });
    expect(profile("Sản lượng lương thực có hạt (tấn)", "")).toMatchObject({
      kind: "absolute",
      measure: "flow",
      entry: { id: "grain-output" },
    });
  });
});

describe("direction read on the head", () => {
  it.each([
    ["Tỷ lệ nhập siêu", "%", "lower"],
    ["Nhập siêu", "triệu USD", "lower"],
    ["Giảm tỷ lệ hộ nghèo", "%", "lower"],
    ["GIẢM TỶ LỆ TRẺ EM DƯỚI 5 TUỔI BỊ SUY DINH DƯỠNG", "%", "lower"],
    ["Giảm tỷ lệ sinh con thứ ba trở lên", "%", "lower"],
    ["Mức giảm tỷ lệ hộ nghèo", "điểm %", "higher"],
    ["Tỷ lệ hộ nghèo giảm", "%", "higher"],
    ["Giảm tỷ lệ hộ nghèo", "điểm %", "higher"],
    ["Tỷ lệ thất nghiệp giảm", "điểm %", "higher"],
    ["Tỷ lệ thất nghiệp của lao động trong độ tuổi", "%", "lower"],
    ["Chỉ số giá tiêu dùng", "%", "lower"],
    ["Tỷ lệ tử vong trẻ em dưới 1 tuổi", "‰", "lower"],
    ["Số vụ tai nạn giao thông", "vụ", "lower"],
    ["Số vụ cháy rừng", "vụ", "lower"],
    ["Tỷ lệ học sinh bỏ học", "%", "lower"],
    ["Tỷ lệ hộ thoát nghèo", "%", "higher"],
    ["Tỷ lệ cơ sở gây ô nhiễm môi trường nghiêm trọng được xử lý", "%", "higher"],
    ["Số người tham gia bảo hiểm thất nghiệp", "người", "higher"],
    ["Tỷ lệ xuất khẩu so với tổng giá trị nhập siêu", "%", "higher"],
    ["Tỷ lệ lao động qua đào tạo", "%", "higher"],
  ])("%s (%s) is %s is better", (name, unit, direction) => {
    expect(profile(name, unit).direction).toBe(direction);
  });

  it("tells the poverty rate from the size of its reduction", () => {
    expect(id("Giảm tỷ lệ hộ nghèo", "%")).toBe("poverty-rate");
    expect(id("Giảm tỷ lệ hộ nghèo", "điểm %")).toBe("poverty-reduction");
    expect(id("Mức giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "điểm %")).toBe("poverty-reduction");
    expect(id("Tỷ lệ hộ nghèo giảm (%)", "%")).toBe("poverty-reduction");
  });
});

describe("growth rates", () => {
  it.each([
    ["Tốc độ tăng dân số", "%", "population-growth"],
    ["Tốc độ tăng dân số bình quân", "%", "population-growth"],
    ["Tỷ lệ tăng dân số tự nhiên", "‰", "natural-population-growth"],
    ["2. Tỷ lệ tăng tự nhiên dân số (‰)", "", "natural-population-growth"],
    ["Mức giảm tỷ suất sinh (‰)", "‰", "birth-rate-reduction"],
    ["Tốc độ tăng năng suất lao động xã hội", "%", "labour-productivity-growth"],
    ["Tăng trưởng tín dụng", "%", null],
    ["Tốc độ tăng tổng mức bán lẻ hàng hóa", "%", null],
  ])("%s (%s) is a growth rate", (name, unit, expected) => {
    expect(profile(name, unit)).toMatchObject({ kind: "rate", measure: "growth" });
    expect(id(name, unit)).toBe(expected);
  });
});

describe("any name and unit", () => {
  const vocabulary = [
    "Tỷ lệ",
    "Tỉ lệ",
    "Tốc độ tăng",
    "Chỉ số",
    "Hệ số",
    "Cơ cấu",
    "Tỷ trọng",
    "Mức giảm",
    "Giảm",
    "Số",
    "Tổng",
    "Trong đó:",
    "1.",
    "- ",
    "*.",
    "(",
    ")",
    "hộ nghèo",
    "dân số",
    "xuất khẩu",
    "nhập siêu",
    "so với",
    "của",
    "giảm",
    "tăng",
    "(năm trước = 100)",
    "(%)",
    "HDI",
    "ICOR",
    "bình quân đầu người",
    "/",
    "=",
  ];
  const units = ["", "%", "‰", "điểm %", "điểm", "xã", "Trường", "tỷ đồng", "USD/người", "lần", "(%)", "0/00", "năm trước = 100", "-"];

  it("never throws, and always gives one of the five kinds and a direction", () => {
    const name = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((ws) => ws.join(" ")),
      fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((ws) => ws.join("")),
    );
    const unit = fc.oneof(fc.constantFrom(...units), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(name, unit, (n, u) => {
        const fresh = new CatalogueMatcher(DEFAULT_CATALOGUE);
        const p = fresh.profile(n, u);
        expect(["absolute", "rate", "index", "coefficient", "other"]).toContain(p.kind);
        expect(["higher", "lower"]).toContain(p.direction);
        expect(fresh.profile(n, u)).toBe(p);
        expect(() => fresh.match(n)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it("never binds an entry named only in a qualifier, and never makes a counted figure a rate", () => {
    const aliases = DEFAULT_CATALOGUE.entries.flatMap((e) => [e.name, ...(e.aliases ?? [])].map((alias) => [e.id, alias] as const));
    const head = fc.constantFrom(
      "Tỷ lệ người dân hài lòng",
      "Tốc độ tăng số thuê bao",
      "Chỉ số giá cước",
      "Cơ cấu nguồn vốn",
      "Số km đường",
    );
    const qualifier = fc.constantFrom("so với", "của", "trên địa bàn có", "theo");
    const countUnit = fc.constantFrom(
      "xã",
      "Trường",
      "hộ",
      "người",
      "HTX",
      "doanh nghiệp",
      "sản phẩm",
      "dự án",
      "lượt",
      "giường",
      "tấn",
      "tỷ đồng",
    );
    fc.assert(
      fc.property(fc.constantFrom(...aliases), head, qualifier, countUnit, ([entryId, alias], h, q, u) => {
        const name = `${h} ${q} ${alias}`;
        expect(matcher.match(name)?.id).not.toBe(entryId);
        expect(profile(name, u).kind).not.toBe("rate");
        expect(profile(`1. ${alias}`, u).kind).not.toBe("rate");
      }),
      { numRuns: 400 },
    );
  });
});
