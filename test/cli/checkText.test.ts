// `chitieu check-text` as a user runs it: a file or standard input, alone or with a workbook.
import * as fs from "node:fs";
import * as path from "node:path";
import { chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";

const dir = tempDir("chitieu-text-");
// Report 001 of test/fixtures/reports: a 2020 half-year report whose only error is "so với cùng kỳ năm 2029" (line 11).
const report001 = path.join(__dirname, "..", "fixtures", "reports", "001-hoi-nghi-6-thang-2020.txt");
const sample = path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx");

// The figures of the sample workbook, told in report style ("thu hút được …": the subject after the verb).
const report =
  "Sáu tháng đầu năm 2020, giá trị sản xuất công nghiệp toàn tỉnh ước 7.966 tỷ đồng, tăng 6% so với cùng kỳ năm 2019, bằng 44,2% kế hoạch năm; " +
  "riêng tổng mức bán lẻ hàng hóa ước 10.267 tỷ đồng, tăng 1,7% so với cùng kỳ năm 2019, bằng 28,4% kế hoạch; " +
  "thu hút được 549.500 lượt khách du lịch, giảm 56% so với cùng kỳ năm 2019, bằng 26,89% kế hoạch.\n" +
  "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,4%, tăng 0,3 điểm phần trăm so với cùng kỳ.\n";

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("chitieu check-text", () => {
  it("reports the 2029 of report 001 with its line and exits 1", () => {
    const r = chitieu(["check-text", report001]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Năm báo cáo: 2020 \(suy ra từ văn bản\)/);
    expect(r.stdout).toMatch(/dòng 11, cột \d+ \(đoạn 6, câu 3\)\s+\[base-year\]\s+"tăng 5% so với cùng kỳ năm 2029/);
    expect(r.stdout).toMatch(/Tổng cộng: 1 lỗi, 0 cảnh báo, 0 ghi chú\./);
  });

  it("reads standard input and prints the JSON of docs/cli.md", () => {
    const r = chitieu(["check-text", "-", "--json", "--year", "2020"], fs.readFileSync(report001, "utf8"));
    const json = JSON.parse(r.stdout);
    expect(json.reportYear).toBe(2020);
    expect(json.claims.length).toBeGreaterThan(10);
    expect(json.findings).toEqual([
      {
        rule: "base-year",
        severity: "error",
        line: 11,
        column: expect.any(Number),
        // The sixth block between blank lines, its third sentence.
        paragraph: 6,
        sentence: 3,
        excerpt: expect.stringContaining("2029"),
        message: expect.stringContaining("2029"),
        messageEn: expect.any(String),
        expected: 2019,
        actual: 2029,
      },
    ]);
  });

  it("finds nothing when the text says what the workbook holds", () => {
    const r = chitieu(["check-text", write("dung.txt", report), "--workbook", sample, "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it("finds each claim the workbook does not support", () => {
    const wrong = report
      .replace("bằng 44,2%", "bằng 42,1%")
      .replace("10.267", "10.627")
      .replace("0,3 điểm", "0,5 điểm")
      .replace("giảm 56%", "giảm 65%");
    const r = chitieu(["check-text", write("sai.txt", wrong), "--workbook", sample, "--json"]);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).findings.map((f: any) => [f.rule, f.severity, f.line, f.excerpt]);
    expect(findings).toEqual([
      ["stated-percent", "error", 1, "bằng 42,1% kế hoạch năm"],
      ["claim-value", "error", 1, "10.627 tỷ đồng"],
      ["stated-percent", "error", 1, "giảm 65% so với cùng kỳ năm 2019"],
      ["stated-percent", "error", 2, "tăng 0,5 điểm phần trăm so với cùng kỳ"],
    ]);
  });

  it("proves an index written as growth from the workbook, and takes the configuration's severities", () => {
    const asIndex = write("chi-so.txt", report.replace("tăng 6% so với cùng kỳ năm 2019", "tăng 106% so với cùng kỳ năm 2019"));
    const r = chitieu(["check-text", asIndex, "--workbook", sample, "--json"]);
    expect(JSON.parse(r.stdout).findings.filter((f: any) => f.severity !== "info")).toEqual([
      expect.objectContaining({ rule: "index-as-growth", severity: "error", actual: 106, expected: expect.closeTo(6, 1) }),
    ]);
    const config = write("cau-hinh.json", JSON.stringify({ severity: { "index-as-growth": "warning" }, disabled: ["growth-multiple"] }));
    const configured = chitieu(["check-text", asIndex, "--workbook", sample, "--json", "--config", config]);
    expect(configured.status).toBe(0);
    expect(JSON.parse(configured.stdout).findings.map((f: any) => [f.rule, f.severity])).toEqual([["index-as-growth", "warning"]]);
  });

  it("reads UTF-16 text with its byte-order mark", () => {
    const file = path.join(dir, "utf16.txt");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(report001, "utf8"), "utf16le")]));
    expect(chitieu(["check-text", file]).status).toBe(1);
  });

  it.each([
    ["a missing file", ["check-text", path.join(dir, "khong-co.txt")], /tệp không tồn tại/],
    ["a binary file", ["check-text", sample], /không phải tệp văn bản/],
    ["a missing workbook", ["check-text", report001, "--workbook", path.join(dir, "x.xlsx")], /tệp không tồn tại/],
    ["no file", ["check-text"], /cần đúng một tệp văn bản/],
  ])("refuses %s with one line and exit 2", (_, args, pattern) => {
    const r = chitieu(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(pattern as RegExp);
  });
});

describe("chitieu rules and --config", () => {
  it("lists the rules", () => {
    const r = chitieu(["rules"]);
    expect(r.status).toBe(0);
    for (const id of [
      "base-year",
      "stated-percent",
      "component-total",
      "share-total",
      "rate-range",
      "not-a-number",
      "unit-scale",
      "growth-outlier",
      "plan-outlier",
      "cumulative-decrease",
    ])
      expect(r.stdout).toContain(id);
  });

  it("takes thresholds per indicator and switched-off rules from --config", () => {
    const lang = path.join(__dirname, "..", "..", "samples", "lang-son-9-thang-2021.xlsx");
    const before = JSON.parse(chitieu(["check", lang, "--json"]).stdout).findings.map((f: any) => f.rule);
    expect(before).toContain("growth-outlier");
    expect(before).toContain("plan-outlier");
    const config = write(
      "config.json",
      JSON.stringify({
        byIndicator: { "state-budget-revenue": { growthBand: [-40, 80] }, "Thu từ hoạt động xuất nhập khẩu": { growthBand: [-50, 100] } },
        disabled: ["plan-outlier"],
      }),
    );
    const after = JSON.parse(chitieu(["check", lang, "--json", "--config", config]).stdout).findings.map((f: any) => f.rule);
    expect(after).not.toContain("growth-outlier");
    expect(after).not.toContain("plan-outlier");
  });

  it("refuses a configuration with an unknown threshold, naming it and the one meant", () => {
    const r = chitieu(["check", sample, "--config", write("bad.json", JSON.stringify({ defaults: { rateRnage: [0, 100] } }))]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/defaults\.rateRnage: không có tùy chọn \(ngưỡng\) "rateRnage" \(có phải "rateRange"\?\)/);
    expect(r.stderr).toMatch(/unknown option "rateRnage" \(did you mean "rateRange"\?\)/);
  });

  it("check-text applies --config: a rule's severity set, or the rule switched off", () => {
    expect(chitieu(["check-text", report001]).status).toBe(1);
    const lowered = chitieu([
      "check-text",
      report001,
      "--json",
      "--config",
      write("text-warn.json", JSON.stringify({ severity: { "base-year": "warning" } })),
    ]);
    expect(lowered.status).toBe(0);
    const baseYear = JSON.parse(lowered.stdout).findings.filter((f: any) => f.rule === "base-year");
    expect(baseYear.length).toBeGreaterThan(0);
    for (const f of baseYear) expect(f.severity).toBe("warning");
    const off = chitieu([
      "check-text",
      report001,
      "--json",
      "--config",
      write("text-off.json", JSON.stringify({ disabled: ["base-year"] })),
    ]);
    expect(off.status).toBe(0);
    expect(JSON.parse(off.stdout).findings.filter((f: any) => f.rule === "base-year")).toEqual([]);
  });

  it("check-text refuses a bad --config with exit 2 and one line", () => {
    const r = chitieu([
      "check-text",
      report001,
      "--config",
      write("text-bad.json", JSON.stringify({ severity: { "base-year": "fatal" } })),
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/severity\["base-year"\]: mức "fatal" không hợp lệ/);
  });
});
