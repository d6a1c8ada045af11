// `chitieu compare` on .xlsx files as a user runs it: the readable report and the JSON name both
// cells of each finding; unusable input is one line and exit 2.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { chitieu } from "../helpers/cli";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { periodRows, Y2019_6, Y2019_9, Y2020_6, Y2020_9, type Figures } from "../helpers/periods";

const dir = tempDir();

async function report(name: string, year: number, months: number, now: Figures, before: Figures): Promise<string> {
  const book = new ExcelJS.Workbook();
  addSheet(book, "Biểu 01", periodRows(year, months, now, before));
  return writeXlsx(book, dir, name);
}

test("the 9-month report against the 6-month one and last year's: both cells of each finding", async () => {
  const six = await report("6-thang-2020.xlsx", 2020, 6, Y2020_6, Y2019_6);
  const lastNine = await report("9-thang-2019.xlsx", 2019, 9, Y2019_9, Y2019_9);
  // Budget revenue below the 6-month figure; the same-period industry figure not last year's published one.
  const nine = await report("9-thang-2020.xlsx", 2020, 9, { ...Y2020_9, budget: 951.1 }, { ...Y2019_9, industry: 11300 });
  const text = chitieu(["compare", nine, six, lastNine]);
  expect(text.status).toBe(0);
  expect(text.stdout).toContain("so với 6-thang-2020.xlsx (6 tháng, năm 2020): kỳ trước cùng năm");
  expect(text.stdout).toContain("so với 9-thang-2019.xlsx (9 tháng, năm 2019): cùng kỳ năm trước");
  expect(text.stdout).toContain("Biểu 01!F5 ↔ 6-thang-2020.xlsx: Biểu 01!F5  [period-decrease]");
  expect(text.stdout).toContain("Biểu 01!E4 ↔ 9-thang-2019.xlsx: Biểu 01!F4  [same-period-revision]");

  const json = JSON.parse(chitieu(["compare", nine, six, lastNine, "--json"]).stdout);
  expect(json.findings.map((f: { rule: string; places: unknown }) => [f.rule, f.places])).toEqual([
    [
      "period-decrease",
      [
        { file: "9-thang-2020.xlsx", sheet: "Biểu 01", cell: "F5" },
        { file: "6-thang-2020.xlsx", sheet: "Biểu 01", cell: "F5" },
      ],
    ],
    [
      "same-period-revision",
      [
        { file: "9-thang-2020.xlsx", sheet: "Biểu 01", cell: "E4" },
        { file: "9-thang-2019.xlsx", sheet: "Biểu 01", cell: "F4" },
      ],
    ],
  ]);
  // The rules are in the registry: listed, and switched off by the configuration like any other.
  expect(chitieu(["rules"]).stdout).toMatch(/same-period-revision\s+periods\s+warning/);
  const config = path.join(dir, "quy-tac.json");
  fs.writeFileSync(config, JSON.stringify({ disabled: ["period-decrease"] }));
  const off = JSON.parse(chitieu(["compare", nine, six, lastNine, "--json", "--config", config]).stdout);
  expect(off.findings.map((f: { rule: string }) => f.rule)).toEqual(["same-period-revision"]);
});

test("one report alone, or an unusable one, is one line and exit 2", async () => {
  const six = await report("6t.xlsx", 2020, 6, Y2020_6, Y2019_6);
  const alone = chitieu(["compare", six]);
  expect([alone.status, alone.stdout]).toEqual([2, ""]);
  expect(alone.stderr).toMatch(/^chitieu: cần báo cáo hiện tại và ít nhất một báo cáo trước/);
  const bogus = path.join(dir, "bao-cao.xlsx");
  fs.writeFileSync(bogus, "không phải bảng tính");
  const refused = chitieu(["compare", six, bogus]);
  expect(refused.status).toBe(2);
  expect(refused.stderr.trim().split("\n")).toHaveLength(1);
  expect(chitieu(["compare", "--help"]).stdout).toContain("chitieu compare <hiện-tại.xlsx> <kỳ-trước.xlsx>…");
});
