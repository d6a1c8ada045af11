// `chitieu consolidate` as a statistics office runs it: twenty communes' reports in nested folders
// into the province's blank table; the written workbook recalculated by LibreOffice gives the core's
// totals; the template's own parts are kept; unusable input writes nothing.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { chitieu } from "../helpers/cli";
import { communeFigures, communeRows, provinceRows } from "../helpers/communes";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";

const dir = tempDir("chitieu-consolidate-");
const submissions = path.join(dir, "nop");

async function setUp(): Promise<{ template: string; weights: string }> {
  for (let n = 1; n <= 20; n++) {
    const folder = path.join(submissions, n <= 10 ? "cum-1" : "cum-2");
    fs.mkdirSync(folder, { recursive: true });
    const book = new ExcelJS.Workbook();
    addSheet(book, "Biểu", communeRows(n));
    await writeXlsx(book, folder, `xa-${String(n).padStart(2, "0")}.xlsx`);
  }
  const form = new ExcelJS.Workbook();
  addSheet(form, "Biểu 01", provinceRows());
  // A sheet of the province's own, which the consolidation must leave as it is.
  addSheet(form, "Ghi chú", [["Biểu tổng hợp của Cục Thống kê tỉnh"], ["Hạn nộp: 15/7/2026"]]);
  const template = await writeXlsx(form, dir, "bieu-tinh.xlsx");
  const weights = path.join(dir, "trong-so.json");
  fs.writeFileSync(weights, JSON.stringify({ "Tỷ lệ hộ nghèo": "Số hộ dân cư" }));
  return { template, weights };
}

const ready = setUp();

describeWithSoffice("consolidating twenty communes", () => {
  test("the totals are formulas LibreOffice recalculates to the core's figures, traced to every commune's cell", async () => {
    const { template, weights } = await ready;
    const out = path.join(dir, "tong-hop.xlsx");
    const r = chitieu(["consolidate", submissions, "--template", template, "--out", out, "--weights", weights, "--json"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const json = JSON.parse(r.stdout);
    expect(json.units).toHaveLength(20);
    expect(json.findings.map((f: { rule: string; places: Array<{ cell: string }> }) => [f.rule, f.places[0].cell])).toEqual([
      ["consolidation-refused", "F8"],
    ]);
    // 4 indicators × 3 columns: industry, budget, households summed, the poverty rate weighted.
    expect(json.figures).toHaveLength(12);

    const recalculated = sofficeConvert(out, "xlsx", fs.mkdtempSync(path.join(dir, "lo-")));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculated);
    const table = book.getWorksheet("Biểu 01") as ExcelJS.Worksheet;
    for (const figure of json.figures as Array<{ cell: string; value: number }>) {
      const cell = table.getCell(figure.cell);
      expect(typeof cell.formula).toBe("string");
      expect(cell.result as number).toBeCloseTo(figure.value, 6);
    }
    // The core's figures are the communes' own: the households summed, the rate weighted by them.
    const all = Array.from({ length: 20 }, (_, i) => communeFigures(i + 1).actual);
    const households = all.reduce((t, f) => t + f.households, 0);
    expect(table.getCell("F6").result).toBe(households);
    expect(table.getCell("F7").result as number).toBeCloseTo(all.reduce((t, f) => t + f.poverty * f.households, 0) / households, 6);
    // Every trace row names a commune's file and cell.
    const trace = book.getWorksheet("Nguồn tổng hợp") as ExcelJS.Worksheet;
    const files = new Set<string>();
    trace.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(5).value === "string" && /xa-\d+\.xlsx$/.test(row.getCell(5).value as string))
        files.add(row.getCell(5).value as string);
    });
    expect(files.size).toBe(20);
  });

  test("the template's own parts survive byte for byte, and the result reads and checks like any report", async () => {
    const { template, weights } = await ready;
    const out = path.join(dir, "tong-hop-2.xlsx");
    expect(chitieu(["consolidate", submissions, "--template", template, "--out", out, "--weights", weights]).status).toBe(0);
    const [before, after] = await Promise.all([template, out].map(async (f) => JSZip.loadAsync(fs.readFileSync(f))));
    const notes = Object.keys(before.files).find((n) => /worksheets\/sheet2\.xml$/.test(n)) as string;
    expect(await after.file(notes)?.async("string")).toBe(await before.file(notes)?.async("string"));
    const analysis = checkWorkbook(await readWorkbook(fs.readFileSync(out)));
    const industry = analysis.indicators.find((i) => i.name === "Giá trị sản xuất công nghiệp");
    const sum = Array.from({ length: 20 }, (_, i) => communeFigures(i + 1).actual.industry).reduce((t, v) => t + v, 0);
    expect(industry?.actual).toBeCloseTo(sum, 6);
    expect(industry?.planPercent).not.toBeNull();
  });
});

test("a commune's unusable report, or an existing --out, is one line, exit 2, and nothing written", async () => {
  const { template } = await ready;
  const broken = path.join(dir, "hong");
  fs.cpSync(submissions, broken, { recursive: true });
  fs.writeFileSync(path.join(broken, "cum-2", "xa-99.xlsx"), "không phải bảng tính");
  const out = path.join(dir, "khong-ghi.xlsx");
  const r = chitieu(["consolidate", broken, "--template", template, "--out", out]);
  expect([r.status, r.stdout, fs.existsSync(out)]).toEqual([2, "", false]);
  expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^chitieu: .*xa-99\.xlsx/)]);
  fs.writeFileSync(out, "của người dùng");
  const kept = chitieu(["consolidate", submissions, "--template", template, "--out", out]);
  expect([kept.status, fs.readFileSync(out, "utf8")]).toEqual([2, "của người dùng"]);
  expect(chitieu(["consolidate", "--help"]).stdout).toContain("chitieu consolidate <thư-mục|tệp.xlsx|mẫu>…");
});

test("an earlier result among the reports, a report copied twice, a consolidated table as the form, or a macro form to .xlsx: one line, exit 2, nothing written", async () => {
  const { template } = await ready;
  const again = path.join(dir, "chay-lai");
  fs.cpSync(submissions, again, { recursive: true });
  const first = path.join(again, "tong-hop.xlsx");
  expect(chitieu(["consolidate", again, "--template", template, "--out", first]).status).toBe(0);
  // Run again on the same folder, the earlier result in it, into another file.
  const out = path.join(dir, "lan-hai.xlsx");
  const rerun = chitieu(["consolidate", again, "--template", template, "--out", out]);
  expect([rerun.status, rerun.stdout, fs.existsSync(out)]).toEqual([2, "", false]);
  expect(rerun.stderr).toMatch(/^chitieu: ".*tong-hop\.xlsx" là biểu tổng hợp chitieu đã ghi, không phải báo cáo của đơn vị/);
  fs.rmSync(first);
  fs.copyFileSync(path.join(again, "cum-1", "xa-01.xlsx"), path.join(again, "cum-2", "xa-01-ban-sao.xlsx"));
  const twice = chitieu(["consolidate", again, "--template", template, "--out", out]);
  expect([twice.status, fs.existsSync(out)]).toEqual([2, false]);
  expect(twice.stderr).toMatch(/xa-01-ban-sao\.xlsx" và ".*xa-01\.xlsx" là cùng một tệp: chỉ giữ một bản/);
  const table = path.join(dir, "bang-da-tong-hop.xlsx");
  expect(chitieu(["consolidate", submissions, "--template", template, "--out", table]).status).toBe(0);
  const reused = chitieu(["consolidate", submissions, "--template", table, "--out", out]);
  expect([reused.status, fs.existsSync(out)]).toEqual([2, false]);
  expect(reused.stderr).toContain("là biểu đã tổng hợp (có trang nguồn tổng hợp của chitieu): hãy dùng biểu trống ban đầu");
  const macros = path.join(dir, "bieu-tinh.xlsm");
  fs.copyFileSync(template, macros);
  const kind = chitieu(["consolidate", submissions, "--template", macros, "--out", out]);
  expect([kind.status, kind.stderr, fs.existsSync(out)]).toEqual([2, expect.stringContaining("--out phải có đuôi .xlsm"), false]);
});

test("a unit whose parts exceed its total is named, and a unit with no report is a finding; exit 1 for the error", async () => {
  const { template } = await ready;
  const folder = path.join(dir, "thieu");
  fs.cpSync(submissions, folder, { recursive: true });
  // Commune 21's revenue "of which" above the revenue itself.
  const rows = communeRows(21);
  const budget = communeFigures(21).actual.budget as number;
  rows.splice(5, 0, [null, "Trong đó:"], ["-", "Thu nội địa", "Tỷ đồng", null, null, budget + 50]);
  const book = new ExcelJS.Workbook();
  addSheet(book, "Biểu", rows);
  await writeXlsx(book, path.join(folder, "cum-2"), "xa-21.xlsx");
  // The province has 22 communes: the 22nd sent nothing.
  const units = path.join(dir, "don-vi-xa.json");
  const communes = Array.from({ length: 22 }, (_, i) => `Xã số ${i + 1}`);
  fs.writeFileSync(units, JSON.stringify({ merged: [{ unit: "Tỉnh", from: communes }] }));
  const out = path.join(dir, "tong-hop-thieu.xlsx");
  const r = chitieu(["consolidate", folder, "--template", template, "--out", out, "--units", units]);
  expect([r.status, r.stderr]).toEqual([1, ""]);
  expect(r.stdout).toMatch(/! .*xa-21\.xlsx: 1 lỗi/);
  expect(r.stdout).toMatch(/Lỗi Biểu!F\d+ \[component-total\]/);
  expect(r.stdout).toContain("Tỉnh có 22 đơn vị báo cáo, nhưng chưa có báo cáo của 1 đơn vị: Xã số 22");
  const json = JSON.parse(
    chitieu(["consolidate", folder, "--template", template, "--out", out, "--units", units, "--force", "--json"]).stdout,
  );
  expect(json.findings[0]).toMatchObject({
    rule: "consolidation-missing",
    places: [{ file: "bieu-tinh.xlsx", sheet: "Biểu 01", cell: "A1" }],
  });
  expect(json.units.find((u: { file: string }) => u.file.endsWith("xa-21.xlsx")).errors[0].rule).toBe("component-total");
});

test("the template's formulas stay as the user wrote them; a report of another period stops the consolidation", async () => {
  const form = new ExcelJS.Workbook();
  const ws = addSheet(form, "Biểu 01", provinceRows());
  // The province's own total of the two flows, as a formula with its old cached result.
  ws.getCell("F4").value = { formula: "F5*10", result: 0 };
  const template = await writeXlsx(form, dir, "bieu-cong-thuc.xlsx");
  const out = path.join(dir, "tong-hop-cong-thuc.xlsx");
  const r = chitieu(["consolidate", submissions, "--template", template, "--out", out, "--json"]);
  expect([r.status, r.stderr]).toEqual([0, ""]);
  const json = JSON.parse(r.stdout);
  expect(json.figures.some((f: { cell: string }) => f.cell === "F4")).toBe(false);
  expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain("consolidated-differs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  expect((book.getWorksheet("Biểu 01") as ExcelJS.Worksheet).getCell("F4").formula).toBe("F5*10");

  const other = path.join(dir, "khac-ky");
  fs.cpSync(submissions, other, { recursive: true });
  const nine = new ExcelJS.Workbook();
  addSheet(
    nine,
    "Biểu",
    communeRows(5).map((row) => row.map((v) => (typeof v === "string" ? v.replace(/6 THÁNG|6 tháng/, (m) => m.replace("6", "9")) : v))),
  );
  await writeXlsx(nine, path.join(other, "cum-1"), "xa-05-9-thang.xlsx");
  const refused = chitieu(["consolidate", other, "--template", template, "--out", path.join(dir, "khong.xlsx")]);
  expect([refused.status, fs.existsSync(path.join(dir, "khong.xlsx"))]).toEqual([2, false]);
  expect(refused.stderr).toMatch(/^chitieu: ".*xa-05-9-thang\.xlsx" là báo cáo 9 tháng 2026, khác kỳ của biểu tổng hợp \(6 tháng 2026\)/);
});
