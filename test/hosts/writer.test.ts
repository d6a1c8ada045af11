// The package writer on hostile input: any text comes back as written (never a formula), any
// sheet name stays a legal, readable one with its print titles, the archive passes a CRC check,
// and cells it cannot write into safely are refused in one line, with nothing written.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { EditPlan, SheetPlan } from "../../src/core/fill";
import { legalSheetName } from "../../src/core/fill";
import { applyPlanToBytes } from "../../src/hosts/xlsx/applyPlan";
import { readWorkbook, WorkbookInputError } from "../../src/hosts/xlsx/readWorkbook";

async function base(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  ws.getCell("A1").value = 1;
  ws.getCell("A2").value = 2;
  ws.getCell("B1").value = { sharedFormula: "A1", formula: "A1*2", ref: "B1:B2", result: 2 } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as unknown as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheet(name: string, cells: SheetPlan["cells"]): SheetPlan {
  return { name, replaces: null, cells, merges: [], printTitleRows: { first: 1, last: 1 }, frozenRows: 1 };
}

describe("package writer", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await base();
  });

  test("any text is read back as written, as text; the archive's checksums hold", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("=SUM(A1:A2)", "+1", "@x", "_x0041_", "a\r\nb", "\u0000\u001f", '<c r="A1"/>', "&amp;", "\ud800", "  đầu cuối  "),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 6 }), async (texts) => {
        const cells = texts.map((value, i) => ({ address: `A${i + 1}`, value }));
        const out = await applyPlanToBytes(input, { sheets: [sheet("Kết quả", cells)] });
        await JSZip.loadAsync(out, { checkCRC32: true });
        const read = (await readWorkbook(out)).sheets.find((s) => s.name === "Kết quả");
        // Unpaired surrogates cannot be stored in XML: they become the replacement character.
        const stored = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
        texts.forEach((value, i) => expect(read?.values[i]?.[0] ?? "").toBe(stored(value)));
      }),
      { numRuns: 60 },
    );
  });

  test("any sheet name becomes a legal one, readable, with its print titles quoted", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (wanted) => {
        const name = legalSheetName(wanted);
        const out = await applyPlanToBytes(input, { sheets: [sheet(name, [{ address: "A1", value: 1 }])] });
        expect((await readWorkbook(out)).sheets.map((s) => s.name)).toEqual(["Dữ liệu", name]);
        const book = (await (await JSZip.loadAsync(out)).file("xl/workbook.xml")?.async("string")) as string;
        const title = /<definedName name="_xlnm.Print_Titles" localSheetId="1">([^<]*)<\/definedName>/.exec(book)?.[1] ?? "";
        const decoded = title
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&");
        expect(decoded).toBe(`'${name.replace(/'/g, "''")}'!$1:$1`);
      }),
      { numRuns: 40 },
    );
  });

  test("writing over the master of a shared formula is refused, nothing written", async () => {
    const plan: EditPlan = { sheets: [], writes: [{ sheet: "Dữ liệu", cells: [{ address: "B1", value: 5 }] }] };
    await expect(applyPlanToBytes(input, plan)).rejects.toThrow(/công thức dùng chung/);
    // Beside it, a new cell in the same row and a new row are written in order.
    const out = await applyPlanToBytes(input, {
      sheets: [],
      writes: [
        {
          sheet: "Dữ liệu",
          cells: [
            { address: "C1", value: 7 },
            { address: "A4", value: "=không phải công thức" },
          ],
        },
      ],
    });
    const read = (await readWorkbook(out)).sheets[0];
    expect(read.values[0]).toEqual([1, 2, 7]);
    expect(read.values[3]).toEqual(["=không phải công thức"]);
  });

  test("cells written into a sheet with no row at all (an empty <sheetData/>) land inside it", async () => {
    const zip = await JSZip.loadAsync(input);
    const part = "xl/worksheets/sheet1.xml";
    zip.file(part, ((await zip.file(part)?.async("string")) as string).replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>"));
    const empty = await zip.generateAsync({ type: "uint8array" });
    const out = await applyPlanToBytes(empty, { sheets: [], writes: [{ sheet: "Dữ liệu", cells: [{ address: "B2", value: 3 }] }] });
    expect((await readWorkbook(out)).sheets[0].values).toEqual([[], [null, 3]]);
  });

  test("a sheet that is not there, or a package without its workbook part, is one clear refusal", async () => {
    await expect(
      applyPlanToBytes(input, { sheets: [], writes: [{ sheet: "Không có", cells: [{ address: "A1", value: 1 }] }] }),
    ).rejects.toThrow(/không thấy trang "Không có"/);
    const zip = await JSZip.loadAsync(input);
    zip.remove("xl/workbook.xml");
    const broken = await zip.generateAsync({ type: "uint8array" });
    await expect(applyPlanToBytes(broken, { sheets: [sheet("X", [])] })).rejects.toThrow(WorkbookInputError);
  });

  test("a package without content types gets them, declaring its workbook and the new sheet", async () => {
    const zip = await JSZip.loadAsync(input);
    zip.remove("[Content_Types].xml");
    const bare = await zip.generateAsync({ type: "uint8array" });
    const out = await applyPlanToBytes(bare, { sheets: [sheet("Mới", [{ address: "A1", value: 1 }])] });
    const types = (await (await JSZip.loadAsync(out)).file("[Content_Types].xml")?.async("string")) as string;
    expect(types).toMatch(/PartName="\/xl\/workbook.xml" ContentType="[^"]*sheet.main\+xml"/);
    expect(types).toMatch(/PartName="\/xl\/worksheets\/sheet2.xml" ContentType="[^"]*worksheet\+xml"/);
    expect((await readWorkbook(out)).sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Mới"]);
  });

  test("what the writer adds to (sheet list, style collections, content types) is refused by the reader when broken", async () => {
    for (const [part, from, to] of [
      ["xl/styles.xml", "</fonts>", ""],
      ["xl/workbook.xml", "</sheets>", ""],
      ["[Content_Types].xml", "</Types>", ""],
    ]) {
      const zip = await JSZip.loadAsync(input);
      zip.file(part, ((await zip.file(part)?.async("string")) as string).replace(from, to));
      const broken = await zip.generateAsync({ type: "uint8array" });
      await expect(readWorkbook(broken)).rejects.toThrow(WorkbookInputError);
    }
  });
});
