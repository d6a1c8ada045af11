// The claims read from the sentence shapes real reports use, in sentences of our own with the same
// figures and structure as published ones.
import fc from "fast-check";
import { extractClaims, type Claim } from "../../src/core/reading/claims";

const brief = (c: Claim) => {
  const out: Record<string, unknown> = { kind: c.kind, value: c.value };
  if (c.basis) out.basis = c.basis;
  return out;
};
const claimsOf = (text: string) => extractClaims(text).filter((c) => c.kind !== "period");

describe("several comparisons in one clause", () => {
  it("keeps both comparisons and ends each basis at 'và'", () => {
    const claims = claimsOf("Giá tiêu dùng tháng 3 tăng 1,8% so với tháng trước và tăng 12,4% so với cùng kỳ năm trước.");
    expect(claims.map(brief)).toEqual([
      { kind: "growth", value: 1.8, basis: "tháng trước" },
      { kind: "growth", value: 12.4, basis: "cùng kỳ năm trước" },
    ]);
    expect(claims[1].subject).toBe("Giá tiêu dùng tháng 3");
  });

  it("keeps a growth followed by a plan percentage", () => {
    const claims = claimsOf("Thu ngân sách trên địa bàn đạt 1.420 tỷ đồng, tăng 9,3% so với cùng kỳ và đạt 61,5% dự toán.");
    expect(claims.map((c) => c.kind)).toEqual(["value", "growth", "planPercent"]);
    expect(claims[1]).toMatchObject({ value: 9.3, basis: "cùng kỳ" });
    expect(claims[2]).toMatchObject({ value: 61.5, basis: "dự toán" });
  });

  it("reads several plan bases: dự toán Trung ương giao, dự toán tỉnh giao, HĐND huyện giao", () => {
    const claims = claimsOf(
      "Tổng thu đạt 905 tỷ đồng, bằng 31,2% dự toán Trung ương giao, bằng 27,6% dự toán tỉnh giao và đạt 54% so với HĐND huyện giao.",
    );
    expect(claims.filter((c) => c.kind === "planPercent").map((c) => [c.value, c.basis])).toEqual([
      [31.2, "dự toán Trung ương giao"],
      [27.6, "dự toán tỉnh giao"],
      [54, "HĐND huyện giao"],
    ]);
  });
});

describe("words between the verb and the figure", () => {
  it.each([
    ["Doanh thu du lịch tăng mạnh 41,2% so với cùng kỳ.", 41.2],
    ["Kim ngạch nhập khẩu tăng tới 18% so với cùng kỳ.", 18],
    ["Giá trị xuất khẩu tăng bình quân 7,4%/năm trong giai đoạn.", null],
    ["Ngành khai khoáng có mức tăng trưởng âm 2,3%.", -2.3],
    ["Vốn đầu tư có mức tăng 6,8% so với năm trước.", 6.8],
    ["Sản lượng điện sản xuất (+16,38%) dẫn đầu toàn ngành.", 16.38],
    ["Lượng khách quốc tế tăng gần 14% so với cùng kỳ.", 14],
    ["Tỷ lệ hộ nghèo đã giảm đi 21,4%.", -21.4],
  ])("%s", (text, value) => {
    const growth = claimsOf(text).filter((c) => c.kind === "growth");
    if (value === null) expect(growth).toEqual([]);
    else expect(growth.map((c) => c.value)).toEqual([value]);
  });
});

describe("relative and absolute changes", () => {
  it("pairs a growth with the change in brackets after it", () => {
    const [growth] = claimsOf("Diện tích lúa giảm 2,1% (-930 ha) so với vụ trước.").filter((c) => c.kind === "growth");
    expect(growth).toMatchObject({ value: -2.1, equivalent: { value: 930, unit: "ha" } });
  });

  it("reads an absolute change as a change, with the growth told beside it", () => {
    const [change] = claimsOf("Diện tích cây ăn quả giảm 1.412 ha (bằng 3,15%) so với năm trước.").filter((c) => c.kind === "change");
    expect(change).toMatchObject({ value: -1412, unit: "ha", relative: { value: 3.15 } });
    const [people] = claimsOf("Số lao động có việc làm tăng 2.600 người so với cùng kỳ.").filter((c) => c.kind === "change");
    expect(people).toMatchObject({ value: 2600, unit: "nguoi", basis: "cùng kỳ" });
  });
});

describe("differences, indices, contributions", () => {
  it("reads 'thấp hơn 0,52% so với …' as a difference", () => {
    const claims = claimsOf("Tăng trưởng kinh tế đạt 5,91%, thấp hơn 0,52% so với cùng kỳ năm 2019.");
    expect(claims.map(brief)).toEqual([
      { kind: "value", value: 5.91 },
      { kind: "difference", value: -0.52, basis: "cùng kỳ năm 2019" },
    ]);
  });

  it("reads 'chỉ đạt X% so với cùng kỳ' as an index", () => {
    const [index] = claimsOf("Giá trị sản xuất thủy sản tăng chậm, chỉ đạt 2,4% so với cùng kỳ.");
    expect(index).toMatchObject({ kind: "index", value: 2.4, verb: "chi dat", basis: "cùng kỳ" });
  });

  it("reads contributions in points and in per cent of the total growth", () => {
    const claims = claimsOf(
      "Khu vực dịch vụ tăng 6,1%, đóng góp 2,9 điểm phần trăm vào mức tăng chung; khu vực nông nghiệp tăng 2,2%, đóng góp 7,4% vào mức tăng trưởng chung.",
    );
    const contributions = claims.filter((c) => c.kind === "contribution");
    expect(contributions.map((c) => [c.value, c.inPoints])).toEqual([
      [2.9, true],
      [7.4, false],
    ]);
  });
});

describe("enumerations, ranges, from → to, words for digit groups", () => {
  it("gives every figure of a list the unit written once at its end", () => {
    const claims = claimsOf("Dự báo tăng trưởng của ba nước lần lượt giảm 0,4, 0,6 và 0,3 điểm phần trăm so với dự báo trước.");
    expect(claims.map((c) => [c.kind, c.value, c.unitMissing ?? false])).toEqual([
      ["points", -0.4, false],
      ["points", -0.6, false],
      ["points", -0.3, false],
    ]);
  });

  it("reads 'từ 62,15% lên 64,2%' with where it started", () => {
    const [value] = claimsOf("Tỷ trọng công nghiệp tăng từ 62,15% lên 64,2%.");
    expect(value).toMatchObject({ kind: "value", value: 64.2, from: 62.15, unit: "%" });
  });

  it("reads '2 triệu 416 nghìn lượt'", () => {
    const [value] = claimsOf("Cả năm đón 2 triệu 416 nghìn lượt khách.");
    expect(value).toMatchObject({ kind: "value", value: 2_416_000 });
  });

  it.each([
    ["Năng suất lúa đạt 58,7 tạ/ha.", "ta/ha"],
    ["Sản lượng điện thương phẩm đạt 1.204 MWh.", "mwh"],
    ["Giá xăng giảm 860 đồng/lít.", "dong/lit"],
    ["Có 19 tỉnh đạt mục tiêu.", "tinh"],
    ["Xây dựng 3.140 m2 nhà ở.", "m2"],
  ])("reads the unit of '%s'", (text, unit) => {
    expect(claimsOf(text)[0]).toMatchObject({ unit });
  });
});

describe("numbers in their own style", () => {
  it("does not let one English-style figure turn '31.500 lượt' into 31,5", () => {
    const claims = claimsOf("Doanh thu đạt 103.45% so với kế hoạch; đón 31.500 lượt khách.");
    expect(claims.find((c) => c.kind === "planPercent")).toMatchObject({ value: 103.45, style: "en" });
    expect(claims.find((c) => c.kind === "value")).toMatchObject({ value: 31500 });
  });

  it("shows the style of an ambiguous number read by what it counts", () => {
    expect(claimsOf("Tư vấn cho 25.500 lượt người.")[0]).toMatchObject({ value: 25500, style: "vi" });
    expect(claimsOf("Tư vấn cho 25,500 lượt người.")[0]).toMatchObject({ value: 25500, style: "en" });
  });
});

describe("subjects", () => {
  it("leave out a news outlet's prefix and keep what follows 'thì'", () => {
    expect(claimsOf("(Báo Tỉnh) - Tỷ lệ thất nghiệp còn 2,3%.")[0].subject).toBe("Tỷ lệ thất nghiệp");
    expect(claimsOf("So với kế hoạch được giao thì tỷ lệ giải ngân đạt 41,2%, tăng 5,1%.")[0].subject).toBe("tỷ lệ giải ngân");
  });

  it("tell 'thì' from 'thị', which folds alike", () => {
    expect(claimsOf("Tỷ lệ thất nghiệp khu vực thành thị ước 3,9%, thấp hơn 0,4% so với cùng kỳ.").map((c) => [c.kind, c.subject])).toEqual(
      [
        ["value", "Tỷ lệ thất nghiệp khu vực thành thị"],
        ["difference", "Tỷ lệ thất nghiệp khu vực thành thị"],
      ],
    );
    expect(claimsOf("Thị xã Sơn Tây đạt 45% kế hoạch.")[0].subject).toBe("Thị xã Sơn Tây");
  });

  it("never include the claim itself", () => {
    for (const c of claimsOf("Thu hút được 12.300 lượt khách du lịch, tăng 8,2% so với cùng kỳ.")) expect(c.subject).not.toMatch(/\d/);
  });
});

describe("extractClaims on any text", () => {
  it("never throws and keeps every value finite", () => {
    const piece = fc.constantFrom(
      "tăng ",
      "giảm ",
      "đạt ",
      "bằng ",
      "vượt ",
      "gấp ",
      "lần lượt ",
      "từ ",
      " lên ",
      "so với cùng kỳ ",
      "kế hoạch ",
      "12,5",
      "1.234",
      "0,5, ",
      "% ",
      " và ",
      ", ",
      "; ",
      ". ",
      "\n",
      "(",
      ")",
      "-",
      "+",
      "điểm phần trăm ",
      "tỷ đồng ",
      "triệu ",
      "nghìn ",
      "lượt ",
      "thì ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.string(), (pieces, noise) => {
        for (const c of extractClaims(pieces.join("") + noise)) {
          expect(Number.isFinite(c.value)).toBe(true);
          expect(c.line).toBeGreaterThan(0);
          expect(c.sentence).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
