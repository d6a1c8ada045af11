import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { fillTemplate, type EditPlan } from "../../src/core/fill";
import { StandaloneHost } from "../../src/hosts/standalone";
import { checkWorkbookBytes, readWorkbook, WorkbookInputError } from "../../src/hosts/xlsx/readWorkbook";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";
import { withSavedIgnores } from "../helpers/richWorkbook";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeCrypto = require("officecrypto-tool") as { encrypt(input: Buffer, options: { password: string }): Buffer };

const dir = tempDir();

async function readFile(file: string) {
  return readWorkbook(fs.readFileSync(file));
}

describe("xlsx host", () => {
  it("reads values, keeping text apart from numbers, and merged areas as areas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(
      wb,
      "Biểu 01",
      [
        ["STT", "Chỉ tiêu", "So sánh (%)", null],
        [null, null, "TH/KH", "TH/CK"],
        ["1", "Thu ngân sách", 44.2, "106,0"],
      ],
      ["A1:A2", "B1:B2", "C1:D1"],
      { C3: "0.0" },
    );
    ws.getCell("E3").value = { richText: [{ text: "Tỷ " }, { font: { bold: true }, text: "đồng" }] };
    ws.getCell("F3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("G3").value = new Date(Date.UTC(2020, 5, 30));
    ws.getCell("H3").value = { text: "nguồn", hyperlink: "https://example.invalid" };
    ws.getCell("I3").value = 0.442;
    ws.getCell("I3").numFmt = "0.0%";
    const snapshot = await readFile(await writeXlsx(wb, dir, "values.xlsx"));
    const sheet = snapshot.sheets[0];
    expect(sheet.name).toBe("Biểu 01");
    expect(sheet.values[0]).toEqual(["STT", "Chỉ tiêu", "So sánh (%)"]);
    expect(sheet.values[1][0]).toBeNull();
    expect(sheet.values[2]).toEqual(["1", "Thu ngân sách", 44.2, "106,0", "Tỷ đồng", { error: "#DIV/0!" }, "2020-06-30", "nguồn", 0.442]);
    expect(sheet.numberFormats?.[2]?.[8]).toBe("0.0%");
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 2, bottom: 0, right: 3 },
      ]),
    );
    expect(sheet.merges).toHaveLength(3);
  });

  it("reads formulas by their cached results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, "S", [[7966, 18029]]);
    ws.getCell("C1").value = { formula: "A1/B1*100", result: 44.18437 };
    ws.getCell("D1").value = { formula: "A1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    const sheet = (await readFile(await writeXlsx(wb, dir, "cached.xlsx"))).sheets[0];
    expect(sheet.values[0]).toEqual([7966, 18029, 44.18437, { error: "#DIV/0!" }]);
  });

  it("marks hidden sheets and keeps sheet order", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "Một", [["a"]]);
    addSheet(wb, "Hai", [["b"]]).state = "hidden";
    const snapshot = await readFile(await writeXlsx(wb, dir, "hidden.xlsx"));
    expect(snapshot.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Một", false],
      ["Hai", true],
    ]);
  });

  describe("refuses files that are not usable workbooks, saying what they are", () => {
    const refuse = async (bytes: Uint8Array, pattern: RegExp) => {
      await expect(readWorkbook(bytes)).rejects.toThrow(WorkbookInputError);
      await expect(readWorkbook(bytes)).rejects.toThrow(pattern);
    };

    it("an empty file", () => refuse(new Uint8Array(), /tệp rỗng/));
    it("text", () => refuse(Buffer.from("STT,Chỉ tiêu\n1,GRDP\n"), /không phải là bảng tính \.xlsx/));

    it("a Word document renamed .xlsx", async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", "<Types/>");
      zip.file("word/document.xml", "<w:document/>");
      await refuse(await zip.generateAsync({ type: "uint8array" }), /văn bản Word/);
    });

    it("a password-protected workbook", async () => {
      const wb = new ExcelJS.Workbook();
      addSheet(wb, "S", [["STT", "Chỉ tiêu"]]);
      const encrypted = officeCrypto.encrypt(Buffer.from(await wb.xlsx.writeBuffer()), { password: "123456" });
      await refuse(encrypted, /đặt mật khẩu/);
    });

    it("a truncated workbook", async () => {
      const wb = new ExcelJS.Workbook();
      addSheet(wb, "S", [["STT", "Chỉ tiêu", "Kế hoạch"]]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      await refuse(bytes.subarray(0, Math.floor(bytes.length * 0.9)), /hỏng hoặc không trọn vẹn/);
    });

    it("a workbook whose sheet is damaged", async () => {
      const wb = new ExcelJS.Workbook();
      addSheet(wb, "S", [["STT", "Chỉ tiêu", "Kế hoạch"], ...Array.from({ length: 50 }, (_, i) => [i, `Chỉ tiêu ${i}`, i * 1.5])]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      // Overwrite the sheet's compressed data after its entry header, keeping names and the directory.
      const sheetAt = bytes.indexOf("xl/worksheets/sheet1.xml");
      for (let i = sheetAt + 40; i < sheetAt + 200; i++) bytes[i] = (bytes[i] * 7 + 13) & 0xff;
      await refuse(bytes, /hỏng/);
    });

    it("accepts a real workbook", async () => {
      const wb = new ExcelJS.Workbook();
      addSheet(wb, "S", [["x"]]);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      expect(() => checkWorkbookBytes(bytes)).not.toThrow();
      await expect(readWorkbook(bytes)).resolves.toMatchObject({ sheets: [{ name: "S" }] });
    });
  });
});

describeWithSoffice("xlsx host on files saved by LibreOffice", () => {
  it("reads formulas that LibreOffice computed, and refuses its .xls", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, "Biểu", [
      ["STT", "Chỉ tiêu", "Kế hoạch năm 2020", "Ước TH năm 2020", "TH/KH (%)"],
      ["1", "Thu NS", 2310, 961.1],
    ]);
    ws.getCell("E2").value = { formula: "ROUND(D2/C2*100,1)" } as ExcelJS.CellFormulaValue;
    const source = await writeXlsx(wb, dir, "formulas.xlsx");
    const out = tempDir();
    const recalculated = sofficeConvert(source, "xlsx", out);
    const sheet = (await readFile(recalculated)).sheets[0];
    expect(sheet.values[1][4]).toBe(41.6);
    const xls = sofficeConvert(source, "xls", out);
    await expect(readWorkbook(fs.readFileSync(xls))).rejects.toThrow(/định dạng Excel cũ/);
    expect(path.extname(xls)).toBe(".xls");
  });
});

describe("the standalone host", () => {
  it("takes the last apply back byte for byte, once", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx")));
    const host = new StandaloneHost();
    const snapshot = await host.open("bao-cao.xlsx", bytes);
    const plan = fillTemplate(snapshot, checkWorkbook(snapshot), "bieu-chi-tieu").plan as EditPlan;
    await host.apply(plan);
    expect((await host.read()).sheets.map((s) => s.name)).toContain(plan.sheets[0].name);
    expect(await host.undo()).toBe(true);
    expect(host.result()?.bytes).toEqual(bytes);
    expect((await host.read()).sheets.map((s) => s.name)).not.toContain(plan.sheets[0].name);
    expect(await host.undo()).toBe(false);
  });

  it("downloads a workbook under its own kind: an .xlsm stays .xlsm", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx")));
    const host = new StandaloneHost();
    await host.open("bao-cao.xlsm", bytes);
    expect(host.result()?.name).toBe("bao-cao-chitieu.xlsm");
    await host.open("bao-cao", bytes);
    expect(host.result()?.name).toBe("bao-cao-chitieu.xlsx");
  });

  it("opens a file with the ignores the pane saved in it inside Excel", async () => {
    const ignore = { rule: "plan-outlier", sheet: "Biểu 01", cell: "E8", reason: "Đã giải trình", date: "2026-11-30" };
    const bytes = await withSavedIgnores(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx")), [
      ignore,
    ]);
    const host = new StandaloneHost();
    await host.open("bao-cao.xlsx", new Uint8Array(bytes));
    expect(await host.loadIgnores()).toEqual([ignore]);
  });
});
