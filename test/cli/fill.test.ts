// `chitieu fill` end to end: real workbooks in several layouts, filled with both built-in templates
// (the second fill of the same template replacing the first), then opened by LibreOffice with
// recalculation forced: every formula must evaluate, without error, to the value the core computed.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import {
  fillSource,
  fillTemplate,
  isGeneratedSheet,
  narrative,
  narrativeText,
  type PlannedCell,
  type SheetPlan,
} from "../../src/core/fill";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { chitieu } from "../helpers/cli";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

/** A whole-year layout of its own: numbers typed as text, a percent-formatted rate, a text plan. */
async function ownLayout(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(
    wb,
    "KQ 2021",
    [
      ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2021"],
      [],
      ["TT", "Tên chỉ tiêu", "Đơn vị", "TH 2020", "KH 2021", "TH 2021"],
      ["A", "KINH TẾ"],
      ["1", "Tổng thu ngân sách nhà nước", "Tỷ đồng", "1.235,6", 1300, "1.402,5"],
      ["2", "Giá trị xuất khẩu", "Triệu USD", 40, 50, 120],
      ["B", "XÃ HỘI"],
      ["3", "Tỷ lệ hộ nghèo", "%", 0.0282, "Dưới 2,5", 0.0217],
      ["4", "Tỷ lệ che phủ rừng", "%", 64.8, 65, 64.5],
      ["5", "Số vụ tai nạn giao thông", "Vụ", 100, 90, 80],
    ],
    [],
    { D8: "0.00%", F8: "0.00%" },
  );
  return writeXlsx(wb, dir, "rieng.xlsx");
}

/**
 * Figures typed as text that Excel's NUMBERVALUE, given the sheet's separators, reads otherwise or
 * not at all: the other separators ("73.5", "1 200.5" in a sheet of "1.370,1"), a non-breaking
 * space, a figure with its unit, lines of one cell holding several indicators.
 */
async function textNumbers(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "Biểu 01", [
    ["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2020"],
    [],
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2020", "Thực hiện 6 tháng năm 2019", "Ước thực hiện 6 tháng năm 2020"],
    ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", "1.370,1", "600,5", "645,4"],
    ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "2.450", "1 100,3", "1\u00a0202,6"],
    ["3", "Tỷ lệ che phủ rừng", "%", "73.5", "73,0", "73.1"],
    ["4", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "1 200.5", "1.100", "1.150"],
    ["5", "Vốn đầu tư phát triển", "Tỷ đồng", "5.000 tỷ", "2.100 tỷ", "2.300 tỷ"],
    [
      "6",
      "Dân số trung bình\n- Thành thị\n- Nông thôn",
      "Người",
      "650000\n210000\n440000",
      "640000\n205000\n435000",
      "652000\n212000\n440000",
    ],
  ]);
  return writeXlsx(wb, dir, "so-dang-chu.xlsx");
}

function same(actual: unknown, expected: PlannedCell["value"]): boolean {
  if (typeof expected === "number")
    return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

describeWithSoffice("chitieu fill, recalculated by LibreOffice", () => {
  const dir = tempDir("chitieu-fill-");
  const cases: Array<[string, () => Promise<string>]> = [
    ...fs.readdirSync(SAMPLES).map((f): [string, () => Promise<string>] => [f, async () => path.join(SAMPLES, f)]),
    ["own layout (text numbers, % formats, text plans)", () => ownLayout(dir)],
    ["figures as text NUMBERVALUE reads otherwise (separators, units, lines)", () => textNumbers(dir)],
  ];

  test.each(cases)("%s: formulas evaluate to the core's values; sources untouched; filling twice keeps one sheet", async (label, make) => {
    const input = await make();
    const base = path.join(dir, label.replace(/\W+/g, "-"));
    const steps = [`${base}-1.xlsx`, `${base}-2.xlsx`, `${base}-3.xlsx`];
    expect(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", steps[0]]).stderr).toBe("");
    expect(chitieu(["fill", steps[0], "--template", "bao-cao", "--out", steps[1]]).stderr).toBe("");
    const again = chitieu(["fill", steps[1], "--template", "bieu-chi-tieu", "--out", steps[2]]);
    expect(again.stdout).toMatch(/thay trang chitieu tạo lần trước/);

    // What the core plans for the input, to compare with what LibreOffice computes.
    const before = await readWorkbook(fs.readFileSync(input));
    const analysis = checkWorkbook(before);
    const plans = (["bieu-chi-tieu", "bao-cao"] as const).map(
      (id) => (fillTemplate(before, analysis, id).plan as { sheets: SheetPlan[] }).sheets[0],
    );

    // Exactly one sheet per template, the source sheets first and with the same values.
    const after = await readWorkbook(fs.readFileSync(steps[2]));
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), plans[0].name, plans[1].name]);
    expect(after.sheets.filter(isGeneratedSheet).map((s) => s.name)).toEqual([plans[0].name, plans[1].name]);
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)?.values).toEqual(sheet.values);

    const recalculated = sofficeConvert(steps[2], "xlsx", fs.mkdtempSync(path.join(dir, "lo-")));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculated);
    const table = book.getWorksheet(plans[0].name) as ExcelJS.Worksheet;
    const formulas = plans[0].cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(analysis.indicators.length * 3);
    for (const planned of formulas) {
      const cell = table.getCell(planned.address);
      expect({ at: planned.address, formula: cell.formula, result: cell.result }).toEqual({
        at: planned.address,
        formula: expect.any(String),
        result: expect.anything(),
      });
      if (!same(cell.result, planned.value))
        throw new Error(
          `${planned.address} =${planned.formula}: LibreOffice gives ${JSON.stringify(cell.result)}, chitieu ${JSON.stringify(planned.value)}`,
        );
    }
    // Print titles and the marker survive a real application's round trip.
    expect(table.pageSetup.printTitlesRow).toBe("4:4");
    const report = book.getWorksheet(plans[1].name) as ExcelJS.Worksheet;
    const narrated = narrative(fillSource(before, analysis)).filter((i) => i.kind === "sentence" || i.kind === "summary");
    expect(narrated.length).toBeGreaterThan(3);
    const written = new Set(plans[1].cells.map((c) => c.value));
    for (const item of narrated) expect(written.has(item.text)).toBe(true);
    for (const planned of plans[1].cells.filter((c) => c.address.startsWith("A")))
      expect(report.getCell(planned.address).value).toBe(planned.value);

    // The generator and the checker agree: the narrative, checked against the workbook, is clean.
    const text = path.join(dir, `${path.basename(base)}.txt`);
    fs.writeFileSync(text, narrativeText(narrated));
    const checked = chitieu(["check-text", text, "--workbook", input, "--json"]);
    expect(JSON.parse(checked.stdout).findings).toEqual([]);
    expect(checked.status).toBe(0);
  });

  test("the own layout: live references, NUMBERVALUE for text numbers, ×100 for % formats, points for rates", async () => {
    const input = await ownLayout(dir);
    const snapshot = await readWorkbook(fs.readFileSync(input));
    const plan = (fillTemplate(snapshot, checkWorkbook(snapshot), "bieu-chi-tieu").plan as { sheets: SheetPlan[] }).sheets[0];
    const at = (a: string) => plan.cells.find((c) => c.address === a);
    expect(plan.name).toBe("Biểu chỉ tiêu năm 2021");
    expect(at("A1")?.value).toBe("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2021");
    expect(at("D4")?.value).toBe("Thực hiện năm 2020");
    // Row 6: the first indicator under group A (row 5).
    expect(at("D6")).toMatchObject({ formula: `NUMBERVALUE('KQ 2021'!D5,",",".")`, value: 1235.6 });
    expect(at("G6")).toMatchObject({ formula: 'IFERROR(IF(AND(ISNUMBER(F6),ISNUMBER(E6),E6>0),F6/E6*100,"-"),"-")' });
    expect(at("I6")).toMatchObject({
      formula: 'IF(AND(ISNUMBER(F6),ISNUMBER(E6)),IF(F6=E6,"Đạt",IF(F6>E6,"Vượt","Không đạt")),"-")',
      value: "Vượt",
    });
    // The poverty rate: % formatted source, a threshold plan (constant evaluation), points.
    expect(at("F9")).toMatchObject({ formula: "'KQ 2021'!F8*100" });
    expect(at("H9")?.formula).toBe('IFERROR(IF(AND(ISNUMBER(F9),ISNUMBER(D9)),F9-D9,"-"),"-")');
    expect(at("I9")).toEqual(expect.objectContaining({ value: "Đạt" }));
    expect(at("I9")?.formula).toBeUndefined();
    // Lower is better: 80 accidents against a plan of 90 is Vượt, by formula.
    expect(at("I11")?.formula).toContain("F11<E11");
  });
});

describe("chitieu fill refuses what would lose data", () => {
  const dir = tempDir("chitieu-fill-refuse-");
  const sample = path.join(SAMPLES, "tuyen-quang-6-thang-2020.xlsx");

  test("never overwrites the input file", () => {
    const copy = path.join(dir, "in.xlsx");
    fs.copyFileSync(sample, copy);
    const before = fs.readFileSync(copy);
    const r = chitieu(["fill", copy, "--template", "bieu-chi-tieu", "--out", copy]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/không được trùng tệp đầu vào/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });

  test("an unknown template, a missing --out: exit 2 and one clear line", () => {
    const unknown = chitieu(["fill", sample, "--template", "khong-co", "--out", path.join(dir, "x.xlsx")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/không có mẫu "khong-co" \(mẫu có sẵn: bieu-chi-tieu, bao-cao/);
    expect(chitieu(["fill", sample, "--template", "bao-cao"]).stderr).toMatch(/thiếu --out/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  test("`chitieu templates` lists the built-in templates", () => {
    const r = chitieu(["templates", "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).builtIn.map((t: { id: string }) => t.id)).toEqual(["bieu-chi-tieu", "bao-cao"]);
  });
});
