// The rules of report text, one by one: each on the sentence shape it is for (written in our own
// words, with the figures and structure of published reports) and on the near miss it must leave
// alone; then the configuration, the places of findings, and hostile text.
import fc from "fast-check";
import { checkText, type TextCheckOptions } from "../../src/core/narrative/check";
import { DEFAULT_RULE_CONFIG, mergeRuleConfig, RULES, ruleById, severitiesOf, type RuleRecord } from "../../src/core/rules";

const findings = (text: string, options: TextCheckOptions = {}) => checkText(text, { reportYear: 2022, ...options }).findings;
const of = (rule: string, text: string, options: TextCheckOptions = {}) => findings(text, options).filter((f) => f.rule === rule);

describe("base-year in text", () => {
  it("is an error for a same-period year after the report's, and a warning for two years back", () => {
    expect(of("base-year", "Kim ngạch xuất khẩu đạt 52 triệu USD, tăng 4% so với cùng kỳ năm 2023.")).toEqual([
      expect.objectContaining({ severity: "error", actual: 2023, expected: 2021 }),
    ]);
    expect(of("base-year", "Doanh thu lữ hành tăng 9% so với cùng kỳ năm 2020.")).toEqual([
      expect.objectContaining({ severity: "warning", actual: 2020 }),
    ]);
  });

  it("leaves a past rate cited and a second comparison beside the year before alone", () => {
    expect(of("base-year", "GRDP tăng 6,1%, cao hơn mức tăng 2,3% của cùng kỳ năm 2020.")).toEqual([]);
    expect(of("base-year", "Lượt khách gấp 4 lần cùng kỳ năm trước nhưng vẫn thấp hơn 20% so với cùng kỳ năm 2019.")).toEqual([]);
  });

  it("warns on a plan year long before the report's, not on a recent one", () => {
    expect(of("base-year", "Rà soát kế hoạch vốn năm 2022 và năm 2004 cho các dự án chuyển tiếp.")).toEqual([
      expect.objectContaining({ severity: "warning", actual: 2004 }),
    ]);
    expect(of("base-year", "Rà soát kế hoạch vốn năm 2021 và năm 2022 cho các dự án chuyển tiếp.")).toEqual([]);
  });
});

describe("index-as-growth", () => {
  it("is an error when the sentence's level and change give the number minus 100", () => {
    // 5,3 / (205,3 − 5,3) = 2,65%: "tăng 102,65%" is the index.
    const found = of("index-as-growth", "Doanh thu bưu chính quý II đạt 205,3 tỷ đồng, tăng 102,65%, tương ứng 5,3 tỷ đồng.");
    expect(found).toEqual([expect.objectContaining({ severity: "error", actual: 102.65 })]);
    expect(found[0].expected).toBeCloseTo(2.65, 2);
  });

  it("is a warning to check without figures (real growth happens), naming no computed figure", () => {
    const text = "Chỉ số sản xuất toàn ngành công nghiệp quý I tăng 104,3% so với cùng kỳ.";
    const found = of("index-as-growth", text);
    expect(found).toEqual([expect.objectContaining({ severity: "warning", actual: 104.3 })]);
    expect(found[0].message).toContain("bằng 104,3% so với cùng kỳ");
    expect(found[0].message).not.toMatch(/tăng 4,3%/);
    // One finding for it: growth-multiple leaves an index's growth to this rule.
    expect(of("growth-multiple", text)).toEqual([]);
  });
});

describe("growth-as-index", () => {
  it("warns when a sentence that says it rose writes 'đạt X% so với cùng kỳ' with a small X", () => {
    expect(of("growth-as-index", "Giá trị sản xuất thủy sản tăng chậm, chỉ đạt 2,4% so với cùng kỳ.")).toEqual([
      expect.objectContaining({ severity: "warning", actual: 2.4 }),
    ]);
  });

  it("leaves a growth rate's own level and a plain index alone", () => {
    expect(of("growth-as-index", "Tốc độ tăng trưởng kinh tế đạt 2,4% so với cùng kỳ.")).toEqual([]);
    expect(of("growth-as-index", "Sản lượng lúa bằng 96,5% so với cùng kỳ.")).toEqual([]);
  });
});

describe("exceed-percent", () => {
  it("warns on 'vượt X%' with X of 100 or more, not below", () => {
    expect(of("exceed-percent", "Thu ngân sách huyện vượt 108% dự toán năm.")).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(of("exceed-percent", "Thu ngân sách huyện vượt 8% dự toán năm.")).toEqual([]);
  });
});

describe("growth-multiple", () => {
  it("notes a growth of 100% or more, and 'tăng X lần'", () => {
    expect(of("growth-multiple", "Lượt khách quốc tế tăng 250% so với năm trước.")).toEqual([
      expect.objectContaining({ severity: "info", expected: 3.5 }),
    ]);
    const times = of("growth-multiple", "Số doanh nghiệp thành lập mới tăng 3 lần so với năm trước.");
    expect(times).toEqual([expect.objectContaining({ severity: "info" })]);
    expect(times[0].message).toContain("gấp 4 lần");
  });

  it("follows its option, and leaves 'gấp X lần' alone", () => {
    const rules = mergeRuleConfig(DEFAULT_RULE_CONFIG, { defaults: { growthMultipleFrom: 300 } });
    expect(of("growth-multiple", "Lượt khách quốc tế tăng 250% so với năm trước.", { rules })).toEqual([]);
    expect(of("growth-multiple", "Số doanh nghiệp thành lập mới gấp 3 lần năm trước.")).toEqual([]);
  });
});

describe("rate-points in text", () => {
  it.each([
    ["a rate's change in %", "Tỷ lệ lao động qua đào tạo tăng 1,2% so với năm trước."],
    ["a difference after a rate", "Tỷ lệ thất nghiệp thành thị ước 3,9%, thấp hơn 0,4% so với cùng kỳ."],
    ["the excess of a share of a count", "Tỷ lệ xã đạt chuẩn nông thôn mới đạt 76%, vượt 6,5% số xã so với kế hoạch."],
    ["a contribution to an index in %", "Giá gas giảm mạnh, đóng góp giảm CPI chung 0,21%."],
  ])("warns on %s", (_, text) => {
    expect(of("rate-points", text)).toEqual([expect.objectContaining({ severity: "warning" })]);
  });

  it("leaves points, and contributions as shares of the growth, alone", () => {
    expect(of("rate-points", "Tỷ lệ hộ nghèo còn 2,1%, giảm 0,6 điểm phần trăm so với năm trước.")).toEqual([]);
    expect(
      of(
        "rate-points",
        "GRDP tăng 7,2%; trong đó khu vực công nghiệp tăng 9,4%, đóng góp 52,3% vào mức tăng chung; khu vực dịch vụ tăng 6,1%, đóng góp 40,8%.",
      ),
    ).toEqual([]);
  });
});

describe("missing-unit in text", () => {
  it("warns on a growth with no unit, not on a list whose unit comes at its end", () => {
    expect(of("missing-unit", "Diện tích rừng trồng mới ước đạt 9.150 ha, tăng 7,5.")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
    expect(of("missing-unit", "Tăng trưởng của ba ngành lần lượt giảm 0,3, 0,4 và 0,6 điểm phần trăm so với dự báo.")).toEqual([]);
  });
});

describe("double-sign", () => {
  it("is an error after 'tăng'/'giảm', and names the sign", () => {
    const found = of("double-sign", "Giá trị nhập khẩu giảm -3,8% so với cùng kỳ.");
    expect(found).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(found[0].message).toContain('"-"');
    expect(of("double-sign", "Giá trị nhập khẩu giảm 3,8% so với cùng kỳ.")).toEqual([]);
  });
});

describe("claim-arithmetic", () => {
  it("checks a level against its change and growth, within the rounding of the figures", () => {
    expect(of("claim-arithmetic", "Thu nhập bình quân đạt 41,5 triệu đồng, tăng 9,7%, tương ứng 3,2 triệu đồng.")).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
    // 3,2 / 38,3 = 8,36%.
    expect(of("claim-arithmetic", "Thu nhập bình quân đạt 41,5 triệu đồng, tăng 8,4%, tương ứng 3,2 triệu đồng.")).toEqual([]);
  });

  it("checks from→to against the change written after it", () => {
    expect(of("claim-arithmetic", "Tỷ lệ che phủ rừng tăng từ 42,1% lên 43,0%, tăng 1,2 điểm phần trăm.")).toEqual([
      expect.objectContaining({ severity: "error", actual: 1.2 }),
    ]);
    expect(of("claim-arithmetic", "Tỷ lệ che phủ rừng tăng từ 42,1% lên 43,0%, tăng 0,9 điểm phần trăm.")).toEqual([]);
    expect(of("claim-arithmetic", "Vốn đầu tư công tăng từ 120 tỷ đồng lên 150 tỷ đồng, tăng 30%.")).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
  });

  it("is an error for a contribution above the sector's own growth, a warning for contributions above the total", () => {
    expect(of("claim-arithmetic", "Khu vực dịch vụ tăng 3,1%, đóng góp 3,5 điểm phần trăm vào mức tăng chung.")).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
    const total =
      "Tổng sản phẩm trên địa bàn tăng 6,2%. Khu vực nông nghiệp đóng góp 1,1 điểm phần trăm, khu vực công nghiệp đóng góp 3,9 điểm phần trăm, khu vực dịch vụ đóng góp 2,4 điểm phần trăm.";
    expect(of("claim-arithmetic", total)).toEqual([expect.objectContaining({ severity: "warning", actual: 7.4 })]);
  });
});

describe("component-total in text", () => {
  it("warns when 'trong đó' parts add up to more than their total", () => {
    const text =
      "Tổng thu ngân sách 9 tháng là 1.200 tỷ đồng, bằng 70% dự toán; trong đó thu nội địa 950 tỷ đồng, đạt 68% và thu từ xuất nhập khẩu là 400 tỷ đồng, đạt 75%.";
    expect(of("component-total", text)).toEqual([expect.objectContaining({ severity: "warning", actual: 1350, expected: 1200 })]);
  });

  it("is an error for one part above the total, and reads 'Cụ thể' parts against the sentence before", () => {
    expect(of("component-total", "Tổng vốn đầu tư đạt 500 tỷ đồng, trong đó vốn ngân sách 620 tỷ đồng.")).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
    const nextSentence =
      "Tổng số lao động được tạo việc làm là 12.000 người. Cụ thể, lao động trong tỉnh 9.000 người, lao động đi làm việc ở nước ngoài 4.500 người.";
    expect(of("component-total", nextSentence)).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(of("component-total", nextSentence.replace("4.500", "2.500"))).toEqual([]);
  });
});

describe("share-total in text", () => {
  it("warns when the shares of one sentence add up to more than 100", () => {
    expect(of("share-total", "Trong cơ cấu kinh tế, nông nghiệp chiếm 45,2%; công nghiệp chiếm 38,1%; dịch vụ chiếm 20,3%.")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
    expect(of("share-total", "Trong cơ cấu kinh tế, nông nghiệp chiếm 25,2%; công nghiệp chiếm 38,1%; dịch vụ chiếm 36,7%.")).toEqual([]);
  });
});

describe("unit-scale in text", () => {
  it("warns on a count beyond what its unit can hold in the country", () => {
    expect(of("unit-scale", "Toàn tỉnh có 148.500 nghìn doanh nghiệp đang hoạt động.")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
    expect(of("unit-scale", "Toàn tỉnh có 14.850 doanh nghiệp đang hoạt động.")).toEqual([]);
  });
});

describe("claim-consistency", () => {
  it("warns when a growth and a multiple of one subject in a paragraph disagree", () => {
    const text =
      "Ngành du lịch khởi sắc, khách du lịch tăng mạnh, tăng gần 5,5% so với cùng kỳ. Tổng lượt khách tham quan, lưu trú du lịch đạt 1,8 triệu lượt, tăng gấp 6 lần so với cùng kỳ năm 2021.";
    expect(of("claim-consistency", text)).toEqual([
      expect.objectContaining({ severity: "warning", excerpt: "tăng gần 5,5% so với cùng kỳ" }),
    ]);
  });

  it("leaves them alone in different paragraphs, or when they agree", () => {
    const agree =
      "Khách du lịch tăng mạnh, tăng 480% so với cùng kỳ. Tổng lượt khách tham quan, lưu trú du lịch đạt 1,8 triệu lượt, tăng gấp 6 lần so với cùng kỳ năm 2021.";
    expect(of("claim-consistency", agree)).toEqual([]);
    const apart =
      "Khách du lịch tăng mạnh, tăng gần 5,5% so với cùng kỳ.\nTổng lượt khách tham quan, lưu trú du lịch đạt 1,8 triệu lượt, tăng gấp 6 lần so với cùng kỳ năm 2021.";
    expect(of("claim-consistency", apart)).toEqual([]);
  });
});

describe("number-format in text", () => {
  it("notes a number in the English style among Vietnamese ones, with the Vietnamese writing", () => {
    const text =
      "Tổng mức bán lẻ đạt 1.235,6 tỷ đồng, tăng 8,2%. Doanh thu lưu trú đạt 256,4 tỷ đồng, giảm 12.5% so với cùng kỳ. Có 25.500 lượt khách.";
    const found = of("number-format", text);
    expect(found).toEqual([expect.objectContaining({ severity: "info" })]);
    expect(found[0].message).toContain("12,5");
  });

  it("leaves a text in one style alone, and thousands groups read by what they count", () => {
    expect(of("number-format", "Đã giới thiệu việc làm cho 5.093 người, đạt 101,86% kế hoạch; 25.500 lượt người được tư vấn.")).toEqual([]);
  });
});

describe("verb-typo", () => {
  it("warns on a word one letter off 'tăng'/'giảm' before a percentage", () => {
    expect(of("verb-typo", "Chỉ số giá tiêu dùng tháng 9 tănh 0,8% so với tháng trước.")).toEqual([
      expect.objectContaining({ severity: "warning", excerpt: "tănh 0,8%" }),
    ]);
    expect(of("verb-typo", "Thu ngân sách bằng 45% dự toán, sang 2023 còn 12% chưa giao.")).toEqual([]);
  });
});

describe("the configuration of text rules", () => {
  const text = "Giá trị nhập khẩu giảm -3,8% so với cùng kỳ. Lượt khách quốc tế tăng 250% so với năm trước.";

  it("switches a rule off, by list or by severity 'off'", () => {
    const byList = mergeRuleConfig(DEFAULT_RULE_CONFIG, { disabled: ["double-sign"] });
    expect(findings(text, { rules: byList }).map((f) => f.rule)).toEqual(["growth-multiple"]);
    const bySeverity = mergeRuleConfig(DEFAULT_RULE_CONFIG, { severity: { "growth-multiple": "off" } });
    expect(findings(text, { rules: bySeverity }).map((f) => f.rule)).toEqual(["double-sign"]);
  });

  it("sets a rule's severity", () => {
    const rules = mergeRuleConfig(DEFAULT_RULE_CONFIG, { severity: { "double-sign": "warning", "growth-multiple": "warning" } });
    expect(findings(text, { rules }).map((f) => [f.rule, f.severity])).toEqual([
      ["double-sign", "warning"],
      ["growth-multiple", "warning"],
    ]);
  });
});

describe("where a finding is", () => {
  const text = "Mở đầu.\n\nKinh tế tiếp tục phục hồi. Giá trị nhập khẩu giảm -3,8% so với cùng kỳ.\nDoanh thu tăng 250%.\n\nHết.";

  it("gives line, column, paragraph and sentence within it", () => {
    const [sign, multiple] = findings(text);
    expect(sign).toMatchObject({ rule: "double-sign", line: 3, paragraph: 2, sentence: 2 });
    expect(text.split("\n")[2].slice(sign.column - 1)).toMatch(/^giảm -3,8%/);
    // Blank lines separate paragraphs: the next line is the same paragraph's third sentence.
    expect(multiple).toMatchObject({ rule: "growth-multiple", line: 4, paragraph: 2, sentence: 3 });
  });

  it("takes every line for a paragraph when told (a Word document's text)", () => {
    const [sign, multiple] = findings(text, { paragraphPerLine: true });
    expect(sign).toMatchObject({ line: 3, paragraph: 3, sentence: 2 });
    expect(multiple).toMatchObject({ line: 4, paragraph: 4, sentence: 1 });
  });
});

describe("text rules on hostile text", () => {
  const words = fc.constantFrom(
    ...["tăng", "giảm", "-", "gấp", "lần", "đạt", "bằng", "vượt", "trong đó", "Cụ thể,", "từ", "lên", "chiếm", "đóng góp"],
    ...["điểm phần trăm", "tỷ lệ", "chỉ số", "tỷ đồng", "nghìn", "doanh nghiệp", "so với cùng kỳ năm", "kế hoạch", "tương đương"],
    ...["%", ",", ".", ";", "\n", "\n\n", "(", ")", "2029", "năm 2020", "1.235,6", "12,500.0", "108,987"],
  );
  const piece = fc.oneof(
    words,
    fc.integer({ min: 0, max: 1e6 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a},${b}`),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.double().map(String),
  );

  it("never throw; every finding is of a registered rule, at one of its severities, inside the text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.integer({ min: 1990, max: 2035 }), { nil: null }), (parts, year) => {
        const text = parts.join(" ");
        const lines = text.normalize("NFC").split("\n");
        for (const f of checkText(text, { reportYear: year }).findings) {
          const rule = ruleById(f.rule) as RuleRecord;
          expect(RULES).toContain(rule);
          expect(severitiesOf(rule)).toContain(f.severity);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1].length + 1);
          expect(f.paragraph).toBeGreaterThanOrEqual(1);
          expect(f.sentence).toBeGreaterThanOrEqual(1);
          expect(f.message).not.toMatch(/\{\w+(:\w+)?\}|undefined|NaN|Infinity/);
        }
      }),
      { numRuns: 600 },
    );
  });

  // Shapes that make a quadratic reading hang: a slip back to one shows as this test timing out.
  it.each([
    ["one line of list commas", "1,".repeat(150_000)],
    ["verbs with no figure", "tăng ".repeat(100_000) + "5%"],
    ["line breaks alone", "\n".repeat(200_000) + "giảm -3%"],
    ["brackets never closed", "Tỷ lệ " + "(".repeat(100_000) + " tăng 2%"],
    ["other scripts and emoji", "中文 العربية 😀 tăng 4,5% ".repeat(20_000)],
    ["a sentence without end", "Tổng thu 1.200 tỷ đồng trong đó thu nội địa 950 tỷ đồng ".repeat(10_000)],
  ])("read huge text of %s", (_, text) => {
    const result = checkText(text, { reportYear: 2021 });
    for (const f of result.findings) expect(f.line).toBeLessThanOrEqual(text.split("\n").length);
  });
});
