// One test per rule on real .xlsx files: a clean annual report of a district (a layout of its own),
// then the same file with one fault planted. The fault is found at its cell with its severity;
// the clean file gives no error.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { RULES } from "../../src/core/rules";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { checkJson, chitieu } from "../helpers/cli";

const dir = tempDir("chitieu-rules-");

const HEADER = ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2022", "TH năm 2021", "Ước TH năm 2022", "TH/KH (%)", "So với cùng kỳ (%)", "Đánh giá"];
const TITLE = ["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2022"];

/** Rows 4…20 of the clean report; every stated figure agrees with the figures. */
function cleanRows(): unknown[][] {
  return [
    ["I", "Kinh tế"],
    ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 1000, 900, 1050, 105.0, 116.7, "Vượt"],
    ["", "Chia ra:"],
    ["-", "Thu nội địa", "Tỷ đồng", 800, 700, 840, 105.0, 120.0, "Vượt"],
    ["-", "Thu từ hoạt động xuất nhập khẩu", "Tỷ đồng", 200, 200, 210, 105.0, 105.0, "Vượt"],
    ["2", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "Tỷ đồng", 5000, 4600, 5100, 102.0, 110.9, "Vượt"],
    ["", "Trong đó:"],
    ["-", "Công nghiệp chế biến, chế tạo", "Tỷ đồng", 4000, 3700, 4120, 103.0, 111.4, "Vượt"],
    ["3", "Cơ cấu kinh tế", "%"],
    ["-", "Nông, lâm nghiệp và thủy sản", "%", 20, 21, 19.5],
    ["-", "Công nghiệp - xây dựng", "%", 40, 39.5, 40.3],
    ["-", "Dịch vụ", "%", 40, 39.5, 40.2],
    ["II", "Xã hội - Môi trường"],
    ["4", "Tỷ lệ hộ nghèo", "%", 3.5, 4.1, 3.4, null, null, "Vượt"],
    ["5", "Tỷ lệ che phủ rừng", "%", 45, 44.8, 45.1, null, null, "Vượt"],
    ["6", "Số lao động được tạo việc làm", "Người", 2000, 1900, 2050, 102.5, 107.9, "Vượt"],
    ["7", "Tốc độ tăng trưởng GRDP", "%", "7-7,5", 6.8, 7.2, null, null, "Đạt"],
  ];
}

interface Plant {
  cells?: Record<string, unknown>;
  header?: Record<number, string>;
}

async function report(name: string, plant: Plant = {}): Promise<string> {
  const header = HEADER.map((h, i) => plant.header?.[i] ?? h);
  const wb = new ExcelJS.Workbook();
  const ws = addSheet(wb, "Biểu KQ 2022", [TITLE, [], header, ...cleanRows()], ["A1:I1"]);
  for (const [at, v] of Object.entries(plant.cells ?? {})) ws.getCell(at).value = v as ExcelJS.CellValue;
  return writeXlsx(wb, dir, `${name}.xlsx`);
}

function findingsOf(
  file: string,
): Array<{ rule: string; severity: string; cell: string; message: string; expected?: number; actual?: number }> {
  const { json } = checkJson(file);
  return json.findings;
}

describe("rules on a clean report", () => {
  it("finds no error and no warning, and exits 0", async () => {
    const file = await report("clean");
    const { status, json } = checkJson(file);
    expect(json.findings.filter((f: any) => f.severity !== "info")).toEqual([]);
    expect(status).toBe(0);
  });

  it("accepts a same-period column written as growth, as long as the whole column is", async () => {
    const growth = { H5: 16.7, H7: 20.0, H8: 5.0, H9: 10.9, H11: 11.4, H19: 7.9 };
    expect(
      findingsOf(await report("growth-form", { cells: growth, header: { 7: "Tăng, giảm so với cùng kỳ (%)" } })).filter(
        (f) => f.rule === "stated-percent",
      ),
    ).toEqual([]);
  });

  it("never flags plan years, targets, spans, price bases or starting points", async () => {
    const file = await report("years", {
      header: { 3: "Kế hoạch năm 2022 (giai đoạn 2021-2025)" },
      cells: { A2: "Mục tiêu đến năm 2025, tầm nhìn 2045; kể từ năm 2011; giá so sánh 2010", J3: "KH năm 2023", J5: 1100 },
    });
    expect(findingsOf(file).filter((f) => f.rule === "base-year")).toEqual([]);
  });
});

describe("each rule finds its planted fault", () => {
  const cases: Array<[string, Plant, { rule: string; severity: string; cell: string; expected?: number }]> = [
    ["base-year (future same period)", { header: { 4: "TH cùng kỳ năm 2023" } }, { rule: "base-year", severity: "error", cell: "E3" }],
    ["base-year (two years back)", { header: { 4: "TH cùng kỳ năm 2020" } }, { rule: "base-year", severity: "warning", cell: "E3" }],
    ["base-year (in the title)", { cells: { A2: "(so với cùng kỳ năm 2029)" } }, { rule: "base-year", severity: "error", cell: "A2" }],
    ["stated-percent (TH/KH)", { cells: { G5: 150.0 } }, { rule: "stated-percent", severity: "error", cell: "G5", expected: 105 }],
    ["stated-percent (index written as growth)", { cells: { H9: 10.9 } }, { rule: "stated-percent", severity: "error", cell: "H9" }],
    ["rate-plan-percent", { cells: { G17: 97.1 } }, { rule: "rate-plan-percent", severity: "warning", cell: "G17" }],
    ["stated-evaluation", { cells: { I5: "Không đạt" } }, { rule: "stated-evaluation", severity: "error", cell: "I5" }],
    ["stated-evaluation (lower is better)", { cells: { I17: "Không đạt" } }, { rule: "stated-evaluation", severity: "error", cell: "I17" }],
    ["component-total (Chia ra)", { cells: { F8: 310 } }, { rule: "component-total", severity: "error", cell: "F5", expected: 1150 }],
    [
      "component-total (Chia ra, within 1%)",
      { cells: { F8: 213 } },
      { rule: "component-total", severity: "warning", cell: "F5", expected: 1053 },
    ],
    ["component-total (Trong đó)", { cells: { F11: 5200 } }, { rule: "component-total", severity: "error", cell: "F11", expected: 5100 }],
    ["share-total", { cells: { F15: 42.2 } }, { rule: "share-total", severity: "error", cell: "F12", expected: 100 }],
    ["share-total (within a point)", { cells: { F15: 40.9 } }, { rule: "share-total", severity: "warning", cell: "F12" }],
    ["rate-range", { cells: { F18: 650 } }, { rule: "rate-range", severity: "error", cell: "F18" }],
    ["not-a-number (text with a figure)", { cells: { F19: "khoảng 2.050" } }, { rule: "not-a-number", severity: "warning", cell: "F19" }],
    ["not-a-number (text)", { cells: { F19: "chưa có số" } }, { rule: "not-a-number", severity: "warning", cell: "F19" }],
    [
      "not-a-number (unreadable figure)",
      { cells: { F19: "2.050 hoặc 2.100" } },
      { rule: "not-a-number", severity: "warning", cell: "F19" },
    ],
    ["not-a-number (error value)", { cells: { G9: { error: "#DIV/0!" } } }, { rule: "not-a-number", severity: "error", cell: "G9" }],
    ["not-a-number (number typed as text)", { cells: { F19: "2.050" } }, { rule: "not-a-number", severity: "info", cell: "F19" }],
    ["unit-scale", { cells: { F19: 2050000 } }, { rule: "unit-scale", severity: "error", cell: "F19", expected: 1900 }],
    ["growth-outlier", { cells: { F9: 7000, G9: 140.0, H9: 152.2 } }, { rule: "growth-outlier", severity: "warning", cell: "F9" }],
    [
      "plan-outlier (above 200%)",
      { cells: { F19: 4100, G19: 205.0, H19: 215.8 } },
      { rule: "plan-outlier", severity: "warning", cell: "F19" },
    ],
    ["missing-value", { cells: { F19: null } }, { rule: "missing-value", severity: "warning", cell: "F19" }],
  ];

  it.each(cases)("%s", async (name, plant, expected) => {
    const found = findingsOf(await report(name.replace(/\W+/g, "-"), plant));
    const match = found.filter((f) => f.rule === expected.rule && f.cell === expected.cell);
    expect(match).toHaveLength(1);
    expect(match[0].severity).toBe(expected.severity);
    if (expected.expected !== undefined) expect(match[0].expected).toBeCloseTo(expected.expected, 6);
    expect(match[0].message.length).toBeGreaterThan(20);
  });

  it("names the figures in the message: a forest cover of 650%", async () => {
    const found = findingsOf(await report("forest", { cells: { F18: 650 } })).find((f) => f.rule === "rate-range")!;
    expect(found.message).toBe("Tỷ lệ che phủ rừng 650% (thực hiện) nằm ngoài khoảng 0–100%.");
  });

  it("exits 1 when an error is found", async () => {
    expect(checkJson(await report("exit", { cells: { G5: 150.0 } })).status).toBe(1);
  });
});

describe("rules across periods and against the pace of the year", () => {
  async function periods(nineMonthBudget: number, sixMonthIndustry: number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const header = ["TT", "Nội dung", "Đơn vị", "Kế hoạch năm 2022", "Cùng kỳ", "Thực hiện"];
    addSheet(wb, "6 tháng", [
      ["ƯỚC THỰC HIỆN 6 THÁNG ĐẦU NĂM 2022"],
      header,
      ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 1000, 480, 510],
      ["2", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 5000, 2300, sixMonthIndustry],
    ]);
    addSheet(wb, "9 tháng", [
      ["ƯỚC THỰC HIỆN 9 THÁNG NĂM 2022"],
      header,
      ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 1000, 700, nineMonthBudget],
      ["2", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 5000, 3500, 3800],
    ]);
    return writeXlsx(wb, dir, `periods-${nineMonthBudget}-${sixMonthIndustry}.xlsx`);
  }

  it("finds nothing when the figures grow through the year at a plausible pace", async () => {
    expect(findingsOf(await periods(760, 2500)).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("cumulative-decrease: 9 months below 6 months", async () => {
    const found = findingsOf(await periods(495, 2500)).filter((f) => f.rule === "cumulative-decrease");
    expect(found).toEqual([expect.objectContaining({ severity: "error", cell: "F3", expected: 510 })]);
  });

  it("plan-outlier: 6 months at 10% of the annual plan", async () => {
    const found = findingsOf(await periods(760, 500)).filter((f) => f.rule === "plan-outlier");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", cell: "F4", expected: 50 })]);
  });
});

describe("chitieu rules", () => {
  it("lists every rule of the registry with its scope, severity, name, description and options with their defaults", () => {
    const r = chitieu(["rules"]);
    expect(r.status).toBe(0);
    for (const rule of RULES) {
      expect(r.stdout).toMatch(new RegExp(`^${rule.id} +${rule.scope} +${rule.severity} +`, "m"));
      expect(r.stdout).toContain(rule.description);
    }
    expect(r.stdout).toMatch(/option rateRange = \[0,100\]/);
    expect(r.stdout).toMatch(/option growthBand = null/);
  });

  it("--json: the records' metadata, every rule with its options (default and schema) and message keys", () => {
    const r = chitieu(["rules", "--json"]);
    expect(r.status).toBe(0);
    const { rules } = JSON.parse(r.stdout);
    expect(rules.map((x: any) => x.id)).toEqual(RULES.map((x) => x.id));
    for (const x of rules) {
      expect(Object.keys(x)).toEqual(
        expect.arrayContaining([
          "id",
          "scope",
          "severity",
          "severities",
          "name",
          "nameEn",
          "description",
          "descriptionEn",
          "options",
          "messages",
        ]),
      );
      expect(x.messages.length).toBeGreaterThan(0);
    }
    const byId = (id: string) => rules.find((x: any) => x.id === id);
    expect(byId("rate-range").options.rateRange).toMatchObject({ default: [0, 100], schema: { type: "array", minItems: 2, maxItems: 2 } });
    expect(byId("growth-outlier").options.growthBand.default).toBeNull();
    expect(Object.keys(byId("plan-outlier").options)).toEqual(["planPercentMax", "paceLow", "paceHigh"]);
    expect(byId("component-total")).toMatchObject({ severity: "error", severities: ["error", "warning"], scope: "both" });
    expect(byId("verb-typo")).toMatchObject({ severity: "warning", scope: "text", messages: ["mistypedVerb"] });
    expect(byId("base-year").scope).toBe("both");
  });

  it("--schema: the JSON Schema committed as docs/rule-config.schema.json", () => {
    const r = chitieu(["rules", "--schema"]);
    expect(r.status).toBe(0);
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "rule-config.schema.json"), "utf8");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(committed));
  });
});

describe("severities from --config", () => {
  function config(name: string, value: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  }

  it("lowers an error to a warning (exit 0), raises a warning to an error (exit 1), and switches a rule off", async () => {
    const wrongPercent = await report("severity-stated", { cells: { G5: 150.0 } });
    const lowered = checkJson(wrongPercent, "--config", config("lower.json", { severity: { "stated-percent": "warning" } }));
    expect(lowered.json.findings.filter((f: any) => f.rule === "stated-percent").map((f: any) => [f.cell, f.severity])).toEqual([
      ["G5", "warning"],
    ]);
    expect(lowered.status).toBe(0);
    const off = checkJson(wrongPercent, "--config", config("off.json", { severity: { "stated-percent": "off" } }));
    expect(off.json.findings.filter((f: any) => f.rule === "stated-percent")).toEqual([]);
    expect(off.status).toBe(0);

    const growth = await report("severity-growth", { cells: { F9: 7000, G9: 140.0, H9: 152.2 } });
    expect(checkJson(growth).status).toBe(0);
    const raised = checkJson(growth, "--config", config("raise.json", { severity: { "growth-outlier": "error" } }));
    expect(raised.json.findings.filter((f: any) => f.rule === "growth-outlier").map((f: any) => f.severity)).toEqual(["error"]);
    expect(raised.status).toBe(1);
  });

  it("takes thresholds as options by default and per indicator", async () => {
    const forest = await report("forest-range", { cells: { F18: 650 } });
    expect(checkJson(forest).json.findings.some((f: any) => f.rule === "rate-range")).toBe(true);
    const wide = config("wide.json", { byIndicator: { "tỷ lệ che phủ rừng": { rateRange: [0, 1000] } } });
    expect(checkJson(forest, "--config", wide).json.findings.some((f: any) => f.rule === "rate-range")).toBe(false);
  });

  it("refuses a bad configuration with exit 2 and one line naming the key, Vietnamese then English", async () => {
    const file = await report("bad-config");
    const r = chitieu([
      "check",
      file,
      "--config",
      config("bad.json", { byIndicator: { grdp: { growthBand: [80, -40] } }, severity: { "base-year": "fatal" } }),
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /byIndicator\.grdp\.growthBand: khoảng \[80, -40\] bị ngược.*severity\["base-year"\]: mức "fatal".*\(rule configuration .*byIndicator\.grdp\.growthBand: the band \[80, -40\] is reversed/,
    );
  });
});
