// User templates end to end: placeholders, a repeated row, a total below it, merges, styles and a
// conditional format, filled from a template file and from a sheet of the workbook itself, then
// recalculated by LibreOffice.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { addTemplate } from "../helpers/templates";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx");
// The sample's "Kinh tế" group, in source order, with their actual figures.
const ECONOMY: Array<[string, number]> = [
  ["Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", 2.7],
  ["Giá trị sản xuất công nghiệp (giá so sánh 2010)", 7966],
  ["Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", 10267],
  ["Giá trị xuất khẩu", 42],
  ["Khách du lịch", 549500],
  ["Thu ngân sách nhà nước trên địa bàn", 961.1],
  ["Thu nội địa", 895.4],
  ["Thu từ hoạt động xuất nhập khẩu", 65.7],
  ["Tổng vốn đăng ký của các dự án được chấp thuận chủ trương đầu tư", 1235.6],
  ["Số dự án được chấp thuận chủ trương đầu tư", 17],
];

describeWithSoffice("user templates, recalculated by LibreOffice", () => {
  const dir = tempDir("chitieu-user-template-");

  async function check(output: string): Promise<void> {
    const recalculated = sofficeConvert(output, "xlsx", fs.mkdtempSync(path.join(dir, "lo-")));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculated);
    const ws = book.getWorksheet("Mẫu 6T-2020") as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    const n = ECONOMY.length;
    expect(ws.getCell("A1").value).toBe("BÁO CÁO 6 tháng đầu năm NĂM 2020");
    ECONOMY.forEach(([name, actual], k) => {
      const row = 4 + k;
      expect([ws.getCell(`A${row}`).value, ws.getCell(`B${row}`).value]).toEqual([k + 1, name]);
      expect(ws.getCell(`D${row}`).formula).toMatch(/^'Biểu 01'!F\d+$/);
      expect(ws.getCell(`D${row}`).result).toBeCloseTo(actual, 9);
      expect(ws.getCell(`D${row}`).numFmt).toBe("#,##0.0");
      // The template's own formula, moved with each copy of its row.
      expect(ws.getCell(`F${row}`).formula).toBe(`D${row}*2`);
      expect(ws.getCell(`F${row}`).result).toBeCloseTo(actual * 2, 9);
      // An array formula is each copy's own; a reference to the template's own sheet is to this one.
      expect([ws.getCell(`G${row}`).formula, ws.getCell(`G${row}`).result]).toEqual([`D${row}*3`, expect.closeTo(actual * 3, 9)]);
      expect([ws.getCell(`H${row}`).formula, ws.getCell(`H${row}`).result]).toEqual([`D${row}+1`, expect.closeTo(actual + 1, 9)]);
      // The template's style of the row survives in every copy.
      expect(ws.getCell(`B${row}`).font?.italic).toBe(true);
    });
    // The total row moved below the copies, its range grown over all of them, its merge moved.
    const total = 4 + n;
    expect(ws.getCell(`A${total}`).value).toBe("Tổng");
    expect(ws.getCell(`D${total}`).formula).toBe(`SUM(D4:D${3 + n})`);
    expect(ws.getCell(`D${total}`).result).toBeCloseTo(
      ECONOMY.reduce((s, [, v]) => s + v, 0),
      6,
    );
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(["A1:F1", `A${total}:C${total}`]));
    expect(ws.getCell("A3").font?.bold).toBe(true);
    // TH/KH of GSX CN (row 5 of the copies): a live formula giving the core's 44.18…
    expect(ws.getCell("E5").result).toBeCloseTo((7966 / 18029) * 100, 9);
    // Text placeholders are formatted in Vietnamese; the conditional format covers every copy.
    expect(ws.getCell(`A${total + 1}`).value).toBe("Thu ngân sách đạt 41,6% kế hoạch năm 2020.");
    expect(ws.getCell(`A${total + 2}`).value).toBe(
      "Tỷ lệ che phủ rừng 6 tháng đầu năm ước đạt 65%, tăng 0,2 điểm phần trăm so với cùng kỳ năm 2019.",
    );
    const formats = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(formats.map((f) => f.ref)).toContain(`E4:E${3 + n}`);
  }

  test("from a template file given to --template", async () => {
    const template = new ExcelJS.Workbook();
    addTemplate(template);
    const file = path.join(dir, "mau.xlsx");
    await template.xlsx.writeFile(file);
    const out = path.join(dir, "out-file.xlsx");
    const r = chitieu(["fill", SAMPLE, "--template", file, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Đã tạo trang "Mẫu 6T-2020"/);
    await check(out);
  });

  test("from a template sheet of the workbook itself, which the check then leaves out", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    addTemplate(wb);
    const input = path.join(dir, "with-template.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "out-sheet.xlsx");
    expect(chitieu(["fill", input, "--template", "Mẫu", "--out", out]).stderr).toBe("");
    await check(out);
    const checked = JSON.parse(chitieu(["check", out, "--json"]).stdout);
    expect(checked.sheets.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ["Biểu 01", "indicators"],
      ["Mẫu", "skipped"],
      ["Mẫu 6T-2020", "skipped"],
    ]);
    expect(checked.indicators).toHaveLength(15);
  });
});

describe("a template with mistakes is refused as a whole, every problem by cell", () => {
  test("unknown indicator, unknown field, unclosed placeholder, unknown group: exit 2, nothing written", async () => {
    const dir = tempDir("chitieu-bad-template-");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mẫu sai");
    ws.getCell("A1").value = "{{Sản lượng điện thương phẩm | actual}}";
    ws.getCell("B2").value = "{{Giá trị xuất khẩu | tangTruong}}";
    ws.getCell("C3").value = "Đạt {{Giá trị xuất khẩu | planPercent";
    ws.getCell("A4").value = "{{each Quốc phòng}}";
    ws.getCell("B5").value = "{{@ | name}}";
    const file = path.join(dir, "mau-sai.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "out.xlsx");
    const r = chitieu(["fill", SAMPLE, "--template", file, "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mẫu có 5 lỗi, chưa ghi gì/);
    expect(r.stderr).toMatch(/Ô A1: không tìm thấy chỉ tiêu "Sản lượng điện thương phẩm"/);
    expect(r.stderr).toMatch(/Ô B2: trường "tangTruong" không có/);
    expect(r.stderr).toMatch(/Ô C3: .* không đóng bằng }}/);
    expect(r.stderr).toMatch(/Ô A4: không có nhóm hay trang nào tên "Quốc phòng"/);
    expect(r.stderr).toMatch(/Ô B5: "@" chỉ dùng trong dòng có \{\{each …\}\}/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
