import * as fs from "node:fs";
import * as path from "node:path";
import { extractClaims } from "../../src/core/reading/claims";
import { checkText, inferTextYear } from "../../src/core/narrative/check";

// Report-style texts written for these tests (test/fixtures/reports, test/fixtures/sentences.txt): the
// figures, sentence shapes and mistakes of published provincial reports, in words of our own.
const fixtures = path.join(__dirname, "..", "fixtures");
const reports = path.join(fixtures, "reports");
const report = (prefix: string) => {
  const file = fs.readdirSync(reports).find((f) => f.startsWith(`${prefix}-`));
  if (!file) throw new Error(`no report ${prefix} in ${reports}`);
  return fs.readFileSync(path.join(reports, file), "utf8");
};
const sentences = fs.readFileSync(path.join(fixtures, "sentences.txt"), "utf8").trim().split("\n");

describe("extractClaims", () => {
  it("reads the claims of a report sentence with their subject, basis, year and position", () => {
    const text =
      "Khác.\nGiá trị sản xuất công nghiệp 6 tháng đầu năm của tỉnh đạt 7.966 tỷ đồng, tăng 6% so với cùng kỳ năm 2019, bằng 44,2% kế hoạch.";
    const claims = extractClaims(text).filter((c) => c.kind !== "period");
    const subject = "Giá trị sản xuất công nghiệp 6 tháng đầu năm của tỉnh";
    expect(claims.map((c) => [c.kind, c.value, c.subject])).toEqual([
      ["value", 7966, subject],
      ["growth", 6, subject],
      ["planPercent", 44.2, subject],
    ]);
    expect(claims[0]).toMatchObject({ unit: "dong", scale: 1e9, line: 2, column: 59, excerpt: "7.966 tỷ đồng" });
    expect(claims[1]).toMatchObject({ basis: "cùng kỳ năm 2019", year: 2019, excerpt: "tăng 6% so với cùng kỳ năm 2019" });
    expect(claims[2]).toMatchObject({ basis: "kế hoạch", excerpt: "bằng 44,2% kế hoạch" });
  });

  it.each([
    [
      "so dự toán năm đạt 42%, bằng 96% so với cùng kỳ",
      [
        ["planPercent", 42],
        ["index", 96],
      ],
    ],
    [
      "vượt 4,16% kế hoạch năm, giảm 27% so với năm trước",
      [
        ["exceedPercent", 4.16],
        ["growth", -27],
      ],
    ],
    ["giảm 0,04 điểm % so với quý liền trước", [["points", -0.04]]],
    ["gấp 2,46 lần so kế hoạch", [["multiple", 2.46]]],
    ["chiếm 56,34%", [["share", 56.34]]],
    ["ước trên 4,6 nghìn tỷ đồng", [["value", 4.6]]],
    ["tăng 25 xã so năm 2013", [["change", 25]]],
    ["giảm bình quân gần 5%/năm", []],
  ])("%s", (text, expected) => {
    expect(
      extractClaims(`Chỉ tiêu X ${text}.`)
        .filter((c) => c.kind !== "period")
        .map((c) => [c.kind, c.value]),
    ).toEqual(expected);
  });

  it("keeps the first words of a name cut by a comma (nông, lâm nghiệp)", () => {
    const [claim] = extractClaims("giá trị sản xuất ngành nông, lâm nghiệp và thủy sản ước tăng 4,18%.");
    expect(claim.subject).toBe("giá trị sản xuất ngành nông, lâm nghiệp và thủy sản");
  });
});

describe("inferTextYear", () => {
  it.each([
    ["001", 2020],
    ["000", 2021],
    ["002", 2021],
    ["003", 2020],
    ["004", 2021],
  ])("report %s reports on %d", (prefix, year) => {
    expect(inferTextYear(report(prefix))).toBe(year);
  });
});

describe("checkText on report text", () => {
  it("finds exactly one base-year error in report 001, for 2029", () => {
    const result = checkText(report("001"));
    expect(result.findings).toEqual([expect.objectContaining({ rule: "base-year", severity: "error", line: 11, actual: 2029 })]);
    expect(result.findings[0].excerpt).toContain("2029");
  });

  it.each(["000", "002", "003", "004"])("finds no comparison-year problem and no error in report %s", (prefix) => {
    const findings = checkText(report(prefix)).findings;
    expect(findings.filter((f) => f.rule === "base-year" || f.severity === "error")).toEqual([]);
  });

  it("warns once in report 000, for a poverty rate change written with %", () => {
    expect(checkText(report("000")).findings).toEqual([
      expect.objectContaining({ rule: "rate-points", severity: "warning", excerpt: "giảm 0,65% so với năm 2020" }),
    ]);
  });

  it.each(sentences.map((s, i) => [i + 1, s]))("raises no alarm on report sentence %d", (_, sentence) => {
    expect(checkText(sentence as string).findings).toEqual([]);
  });

  it.each([
    ["Chỉ số sản xuất công nghiệp quý I/2024 của tỉnh tăng 102,66% so với cùng kỳ năm 2023.", "index-as-growth", "warning"],
    ["Thu ngân sách của thành phố năm 2023 vượt hơn 115% kế hoạch năm.", "exceed-percent", "warning"],
    ["Cuối năm 2021, tỷ lệ hộ nghèo của tỉnh dự kiến giảm 0,68% so với đầu năm, còn khoảng 2,74%.", "rate-points", "warning"],
    ["Trong 9 tháng năm 2024, diện tích rừng trồng tập trung của tỉnh ước đạt 16.170,1 ha, tăng 9,5.", "missing-unit", "warning"],
    ["Doanh thu từ du lịch năm 2022 tăng hơn 313% so với cùng kỳ năm trước.", "growth-multiple", "info"],
    ["GRDP bình quân mỗi người dân năm 2017 ở mức 22,4 triệu đồng (tăng 9,7%, tương ứng 1,6 triệu đồng).", "claim-arithmetic", "error"],
    ["Kim ngạch xuất khẩu của tỉnh 6 tháng đầu năm 2020 đạt 42 triệu USD, tăng 5% so với cùng kỳ năm 2029.", "base-year", "error"],
  ])("flags a report error: %s", (text, rule, severity) => {
    expect(checkText(text).findings).toEqual([expect.objectContaining({ rule, severity })]);
  });

  it("checks the arithmetic of a level and its change only when they disagree", () => {
    expect(
      checkText("GRDP bình quân mỗi người dân năm 2017 ở mức 22,4 triệu đồng (tăng 7,7%, tương ứng 1,6 triệu đồng).").findings,
    ).toEqual([]);
  });
});
