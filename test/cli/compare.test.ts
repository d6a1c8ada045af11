// `chitieu compare` on .xlsx files as a user runs it: the readable report and the JSON name both
// cells of each finding; unusable input is one line and exit 2.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { chitieu } from "../helpers/cli";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { periodRows, Y2019_6, Y2019_9, Y2020_6, Y2020_9, type Figures } from "../helpers/periods";

const dir = tempDir();

async function report(name: string, year: number, months: number, now: Figures, before: Figures, issuer?: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  addSheet(book, "Biểu 01", [...(issuer ? [[issuer]] : []), ...periodRows(year, months, now, before)]);
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

test("pairs set by hand in a file: the renamed indicator is compared; a malformed file is one line and exit 2", async () => {
  const six = await report("6t-2020.xlsx", 2020, 6, Y2020_6, Y2019_6);
  const nine = await report("9t-2020.xlsx", 2020, 9, { ...Y2020_9, budget: 951.1, budgetName: "Thu từ quỹ đất" }, Y2019_9);
  expect(JSON.parse(chitieu(["compare", nine, six, "--json"]).stdout).findings).toEqual([]);
  const pairs = path.join(dir, "ghep.json");
  fs.writeFileSync(pairs, JSON.stringify({ pairs: [{ current: { name: "Thu từ quỹ đất" }, earlier: { row: 5 } }] }));
  const text = chitieu(["compare", nine, six, "--pairs", pairs]);
  expect(text.stdout).toContain("3 chỉ tiêu khớp / matched (1 ghép tay / paired by hand)");
  expect(text.stdout).toContain("Biểu 01!F5 ↔ 6t-2020.xlsx: Biểu 01!F5  [period-decrease]");
  fs.writeFileSync(pairs, JSON.stringify({ pairs: [{ current: {}, earlier: { row: 5 } }] }));
  const bad = chitieu(["compare", nine, six, "--pairs", pairs]);
  expect([bad.status, bad.stdout]).toEqual([2, ""]);
  expect(bad.stderr.trim().split("\n")).toEqual([
    expect.stringMatching(/^chitieu: tệp ghép chỉ tiêu ".*ghep.json": pairs\[0\]: 'current' và 'earlier'/),
  ]);
});

describe("a merged province (--units)", () => {
  const former = { industry: 7000, budget: 900.4, forest: 50 };
  const otherFormer = { industry: 1500, budget: 300.2, forest: 72 };
  const units = path.join(dir, "don-vi.json");
  fs.writeFileSync(
    units,
    JSON.stringify({ merged: [{ unit: "Tỉnh Thái Nguyên", since: "2025-07-01", from: ["Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"] }] }),
  );

  test("the same-period figure is checked against the former provinces' sum, each found by its file name or its title", async () => {
    const current = await report(
      "thai-nguyen-6t-2026.xlsx",
      2026,
      6,
      { industry: 9300, budget: 1320, forest: 58.5 },
      {
        industry: 8500,
        budget: 1250,
        forest: 58,
      },
    );
    const a = await report("thai-nguyen-6t-2025.xlsx", 2025, 6, former, former);
    // This one says whose it is only in its first line, as reports do.
    const b = await report("bao-cao-6t-2025.xlsx", 2025, 6, otherFormer, otherFormer, "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN");
    const text = chitieu(["compare", current, a, b, "--units", units]);
    expect(text.stdout).toContain(
      "Đơn vị hợp nhất / merged unit: Tỉnh Thái Nguyên từ 2025-07-01, gồm Tỉnh Thái Nguyên (thai-nguyen-6t-2025.xlsx), Tỉnh Bắc Kạn (bao-cao-6t-2025.xlsx)",
    );
    expect(text.stdout).toContain("Biểu 01!E5 ↔ thai-nguyen-6t-2025.xlsx: Biểu 01!F5, bao-cao-6t-2025.xlsx: Biểu 01!F6  [merged-previous]");
    const json = JSON.parse(chitieu(["compare", current, a, b, "--units", units, "--json"]).stdout);
    // The former provinces' reports are the merger's sources, not earlier reports of the province itself.
    expect(json.earlier).toEqual([]);
    expect(json.merged.sums.map((x: { name: string; status: string; sum: number }) => [x.status, x.sum])).toEqual([
      ["agrees", 8500],
      ["differs", 1200.6],
    ]);
    expect(json.findings[0].places).toEqual([
      { file: "thai-nguyen-6t-2026.xlsx", sheet: "Biểu 01", cell: "E5" },
      { file: "thai-nguyen-6t-2025.xlsx", sheet: "Biểu 01", cell: "F5" },
      { file: "bao-cao-6t-2025.xlsx", sheet: "Biểu 01", cell: "F6" },
    ]);
    // A pair by hand for a former province's report that names no indicator there is listed under it.
    const pairs = path.join(dir, "ghep-hop-nhat.json");
    fs.writeFileSync(pairs, JSON.stringify({ pairs: [{ current: { row: 5 }, earlier: { row: 40 }, file: "bao-cao-6t-2025.xlsx" }] }));
    const paired = chitieu(["compare", current, a, b, "--units", units, "--pairs", pairs]);
    expect(paired.stdout).toContain(
      '  Tỉnh Bắc Kạn (bao-cao-6t-2025.xlsx):\n    cặp ghép tay không dùng được / pair not made: {"current":{"row":5},"earlier":{"row":40},"file":"bao-cao-6t-2025.xlsx"}',
    );
  });

  test("a report naming two former units, or a malformed units file, is one line and exit 2", async () => {
    const current = await report("thai-nguyen-6t-2026b.xlsx", 2026, 6, Y2020_6, Y2019_6);
    const both = await report("thai-nguyen-bac-kan-6t-2025.xlsx", 2025, 6, former, former);
    const unclear = chitieu(["compare", current, both, "--units", units]);
    expect([unclear.status, unclear.stdout]).toEqual([2, ""]);
    expect(unclear.stderr).toMatch(/^chitieu: không rõ tệp "thai-nguyen-bac-kan-6t-2025.xlsx" là của đơn vị nào/);
    const bad = path.join(dir, "don-vi-sai.json");
    fs.writeFileSync(bad, JSON.stringify({ merged: [{ unit: "Tỉnh Thái Nguyên", from: [] }] }));
    const refused = chitieu(["compare", current, both, "--units", bad]);
    expect([refused.status, refused.stderr.trim().split("\n").length]).toEqual([2, 1]);
    expect(refused.stderr).toContain("'from' phải là danh sách tên đơn vị cũ");
  });
});
