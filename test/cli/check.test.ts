// `chitieu check` on real .xlsx files written by ExcelJS, in layouts other than the samples.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { checkJson, chitieu } from "../helpers/cli";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeCrypto = require("officecrypto-tool") as { encrypt(input: Buffer, options: { password: string }): Buffer };

const dir = tempDir();

/** 9 months 2022: previous first, plan second, growth (not index) stated, "Chia ra" with text numbers. */
async function nineMonths2022(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "Thuyết minh", [["Thuyết minh số liệu"], ["Số liệu 9 tháng là số ước tính của các sở, ngành."]]);
  addSheet(
    wb,
    "Biểu 02",
    [
      ["UBND HUYỆN A", null, null, null, null, null, null, null],
      ["BÁO CÁO ƯỚC THỰC HIỆN 9 THÁNG NĂM 2022"],
      [],
      [
        "Số TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Thực hiện cùng kỳ năm 2021",
        "Kế hoạch năm 2022",
        "Ước thực hiện 9 tháng năm 2022",
        "Tỷ lệ (%)",
        null,
        "Ghi chú",
      ],
      [null, null, null, null, null, null, "TH so với KH", "Tăng, giảm so với cùng kỳ", null],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)", "(9)"],
      ["A", "KINH TẾ"],
      ["1", "Tổng giá trị sản xuất (giá so sánh 2010)", "Tỷ đồng", "4.210,3", "6.100", "4.602,5", "75,5", "9,3"],
      [null, "Chia ra:"],
      ["-", "Nông, lâm nghiệp và thủy sản", "Tỷ đồng", "1.512,0", "2.050", "1.590,4", "77,6", "5,2"],
      ["-", "Công nghiệp - xây dựng", "Tỷ đồng", "1.628,3", "2.500", "1.832,1", "73,3", "12,5"],
      ["-", "Dịch vụ", "Tỷ đồng", "1.070,0", "1.550", "1.180,0", "76,1", "10,3"],
      ["2", "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", 85300, 120000, 91450, 76.2, 7.2],
      ["B", "XÃ HỘI"],
      ["3", "Tỷ lệ hộ nghèo", "%", 6.2, "Giảm 1,5", 5.1],
      ["4", "Số lao động được tạo việc làm", "Lao động", 1450, 1800, 1510, 83.9, 4.1],
      [],
      ["Người lập biểu", null, null, null, "Thủ trưởng đơn vị"],
    ],
    ["A2:I2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:H4", "I4:I5"],
  );
  return writeXlsx(wb, dir, "huyen-a-9-thang-2022.xlsx");
}

/** Annual 2019, no unit column (unit in the name), lower-case STT in the name, plan as "Dự toán". */
async function annual2019(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "KQ 2019", [
    ["KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2019"],
    ["Stt", "Chỉ tiêu chủ yếu", "TH năm 2018", "Dự toán/KH năm 2019", "Ước TH năm 2019", "Đánh giá"],
    ["I", "Kinh tế"],
    ["1", "Tổng thu ngân sách trên địa bàn (tỷ đồng)", 7210.5, 7800, 8050.2, "Vượt"],
    ["2", "Kim ngạch xuất khẩu (triệu USD)", 925, 1000, 982.4, "Không đạt"],
    ["II", "Xã hội - Môi trường"],
    ["3", "Tỷ lệ thất nghiệp khu vực thành thị (%)", 3.4, "Dưới 4", 3.2, "Đạt"],
    ["4", "Tỷ lệ che phủ rừng (%)", 57.1, "Khoảng 57,5", 57.3, "Đạt"],
  ]);
  return writeXlsx(wb, dir, "ket-qua-2019.xlsx");
}

describe("chitieu check --json", () => {
  let nine: { status: number | null; json: any; stderr: string };
  beforeAll(async () => {
    nine = checkJson(await nineMonths2022());
  });
  const ind = (name: string) => nine.json.indicators.find((i: any) => i.name === name);

  it("prints the JSON of docs/cli.md and exits 0 when nothing is wrong", () => {
    expect(nine.status).toBe(0);
    expect(nine.stderr).toBe("");
    expect(nine.json).toMatchObject({ file: "huyen-a-9-thang-2022.xlsx", reportYear: 2022 });
    expect(Array.isArray(nine.json.findings)).toBe(true);
  });

  it("skips the explanatory sheet and reads the table under a merged two-row header and a number row", () => {
    expect(nine.json.sheets.map((s: any) => [s.name, s.status])).toEqual([
      ["Thuyết minh", "skipped"],
      ["Biểu 02", "indicators"],
    ]);
    const sheet = nine.json.sheets[1];
    expect(sheet).toMatchObject({ headerRows: [4, 5], numberRow: 6, dataStartRow: 7, period: { kind: "months", months: 9 } });
    expect(Object.fromEntries(sheet.columns.map((c: any) => [c.letter, c.role]))).toMatchObject({
      D: "previous",
      E: "plan",
      F: "actual",
      G: "statedPlanPercent",
      H: "statedPrevious",
      I: "notes",
    });
  });

  it("reads rows, figures typed as text, and the exhaustive breakdown", () => {
    expect(nine.json.indicators.map((i: any) => i.row)).toEqual([8, 10, 11, 12, 13, 15, 16]);
    const total = ind("Tổng giá trị sản xuất (giá so sánh 2010)");
    expect(total).toMatchObject({
      sheet: "Biểu 02",
      row: 8,
      unit: "Tỷ đồng",
      kind: "absolute",
      plan: 6100,
      actual: 4602.5,
      previous: 4210.3,
      group: "KINH TẾ",
      parentRow: null,
    });
    expect(total.planPercent).toBeCloseTo(75.45, 2);
    expect(total.growthPercent).toBeCloseTo(9.32, 2);
    expect(total.stated).toMatchObject({ planPercent: 75.5, previousComparison: 9.3, previousForm: "growth" });
    for (const name of ["Nông, lâm nghiệp và thủy sản", "Công nghiệp - xây dựng", "Dịch vụ"])
      expect(ind(name)).toMatchObject({ parentRow: 8, breakdown: "exhaustive", level: 2 });
    expect(ind("Thu ngân sách nhà nước trên địa bàn")).toMatchObject({ parentRow: null, actual: 91450, textNumbers: [] });
    expect(ind("Dịch vụ").textNumbers).toEqual(["D12", "E12", "F12", "G12", "H12"]);
  });

  it("computes a rate in points and leaves its plan percentage empty", () => {
    const poverty = ind("Tỷ lệ hộ nghèo");
    expect(poverty).toMatchObject({
      kind: "rate",
      direction: "lower",
      planPercent: null,
      growthPercent: null,
      evaluation: null,
      group: "XÃ HỘI",
    });
    expect(poverty.changePoints).toBeCloseTo(-1.1, 9);
  });

  it("reads a table with the unit in the name and a 'Dự toán/KH' column, and evaluates the year", async () => {
    const { status, json } = checkJson(await annual2019());
    expect(status).toBe(0);
    expect(json.reportYear).toBe(2019);
    expect(json.indicators.map((i: any) => [i.name, i.unit, i.evaluation, i.stated.evaluation])).toEqual([
      ["Tổng thu ngân sách trên địa bàn", "tỷ đồng", "Vượt", "Vượt"],
      ["Kim ngạch xuất khẩu", "triệu USD", "Không đạt", "Không đạt"],
      ["Tỷ lệ thất nghiệp khu vực thành thị", "%", "Đạt", "Đạt"],
      ["Tỷ lệ che phủ rừng", "%", "Đạt", "Đạt"],
    ]);
    expect(json.indicators[0].planPercent).toBeCloseTo(103.21, 2);
  });

  it("reads only the sheet named by --sheet, and takes the year from --year", async () => {
    const file = await nineMonths2022();
    const { json } = checkJson(file, "--sheet", "Biểu 02", "--year", "2022");
    expect(json.sheets.map((s: any) => s.name)).toEqual(["Biểu 02"]);
    expect(json.reportYearSource).toBe("option");
  });
});

describe("chitieu check, readable report", () => {
  it("prints a Vietnamese table with Vietnamese number style", async () => {
    const r = chitieu(["check", await annual2019()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Năm báo cáo: 2019 \(theo tiêu đề biểu\)/);
    expect(r.stdout).toMatch(/Tổng thu ngân sách trên địa bàn\s+tỷ đồng\s+7\.800\s+8\.050,2\s+7\.210,5\s+103,2%\s+\+11,6%\s+Vượt/);
    expect(r.stdout).toMatch(/Tỷ lệ thất nghiệp khu vực thành thị\s+%\s+4\s+3,2\s+3,4\s+-0,80 điểm\s+-0,20 điểm\s+Đạt/);
    expect(r.stdout).toMatch(/Tổng cộng: 4 chỉ tiêu trên 1 biểu; 0 lỗi, 0 cảnh báo, 0 ghi chú\./);
  });
});

describe("chitieu check on input it cannot use: one line on stderr, exit 2, nothing on stdout", () => {
  const refuses = (args: string[], pattern: RegExp) => {
    const r = chitieu(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it("a missing file", () => refuses(["check", path.join(dir, "khong-co.xlsx")], /tệp không tồn tại/));

  it("a .docx renamed .xlsx", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const file = path.join(dir, "bao-cao.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    refuses(["check", file], /văn bản Word/);
  });

  it("a password-protected workbook", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "S", [["STT", "Chỉ tiêu", "Kế hoạch năm 2020", "Thực hiện năm 2020"]]);
    const file = path.join(dir, "mat-khau.xlsx");
    fs.writeFileSync(file, officeCrypto.encrypt(Buffer.from(await wb.xlsx.writeBuffer()), { password: "abc" }));
    refuses(["check", file], /đặt mật khẩu/);
  });

  it("a corrupt file", () => {
    const file = path.join(dir, "hong.xlsx");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]));
    refuses(["check", file], /hỏng/);
  });

  it("an empty workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    refuses(["check", await writeXlsx(wb, dir, "trong.xlsx")], /không tìm thấy biểu chỉ tiêu nào/);
  });

  it("a sheet name that does not exist", async () =>
    refuses(["check", await annual2019(), "--sheet", "Biểu 9"], /không có trang "Biểu 9"/));
  it("a bad year", async () => refuses(["check", await annual2019(), "--year", "20"], /năm báo cáo không hợp lệ/));
  it("an unknown option", async () => refuses(["check", await annual2019(), "--nam", "2020"], /tuỳ chọn không hợp lệ/));
  it("no file", () => refuses(["check"], /cần ít nhất một tệp/));
  it("an unknown command", () => refuses(["kiem-tra", "x.xlsx"], /lệnh không hợp lệ/));
  it("a catalogue that is not valid", async () => {
    const bad = path.join(dir, "danh-muc.json");
    fs.writeFileSync(bad, JSON.stringify({ entries: [{ id: "x" }] }));
    refuses(["check", await annual2019(), "--catalogue", bad], /danh mục/);
  });
});

describe("chitieu check --catalogue", () => {
  it("uses the user's entries for direction", async () => {
    const catalogue = path.join(dir, "catalogue.json");
    fs.writeFileSync(
      catalogue,
      JSON.stringify({
        entries: [{ id: "export-turnover", name: "Kim ngạch xuất khẩu", kind: "absolute", measure: "flow", direction: "lower" }],
      }),
    );
    const { json } = checkJson(await annual2019(), "--catalogue", catalogue);
    expect(json.indicators[1]).toMatchObject({ catalogueId: "export-turnover", direction: "lower", evaluation: "Vượt" });
  });
});

describe("chitieu --help and --version", () => {
  it("prints usage and the version", () => {
    expect(chitieu(["--help"])).toMatchObject({ status: 0, stdout: expect.stringMatching(/chitieu check <tệp\.xlsx\|thư mục/) });
    expect(chitieu(["--version"]).stdout).toMatch(/^chitieu \d+\.\d+\.\d+/);
  });
});
