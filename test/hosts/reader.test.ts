// The xlsx host's own reader, held to ExcelJS's reading of the same files, and on files other
// writers make (prefixed XML, inline strings, strict OOXML, zip64, stored entries), and on damaged
// bytes: it never crashes, it refuses with a reason.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { isDateFormat, readWorkbook, WorkbookInputError } from "../../src/hosts/xlsx/readWorkbook";
import { XmlReader, OPEN, CLOSE, END, decodeEntities } from "../../src/hosts/xlsx/xml";
import { webInflate, ZipArchive, ZipError } from "../../src/hosts/xlsx/zip";
import { SAMPLES } from "../../src/samples/samples";
import { readWithExcelJs } from "../helpers/excelJsReader";
import { cell } from "../helpers/hostile";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";
import { addSheet, tempDir, writeXlsx } from "../helpers/files";

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe("reads as ExcelJS reads", () => {
  it.each(SAMPLES.map((s) => [s.file, s] as const))("sample %s", async (_, sample) => {
    const bytes = await bytesOf(sample.build());
    expect(await readWorkbook(bytes)).toEqual(await readWithExcelJs(bytes));
  });

  it("every kind of value, format, merge and sheet state", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(
      wb,
      'Biểu <01> & "KH"',
      [
        ["STT", "Chỉ tiêu", "So sánh (%)"],
        [null, null, "TH/KH"],
        ["1", "Thu ngân sách", 44.2, "106,0", true, false],
      ],
      ["A1:A2", "B1:B2", "C1:D1"],
    );
    ws.getCell("A5").value = { richText: [{ text: "Tỷ " }, { font: { bold: true }, text: "đồng" }] };
    ws.getCell("B5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("C5").value = new Date(Date.UTC(2020, 5, 30));
    ws.getCell("D5").value = { text: "nguồn", hyperlink: "https://example.invalid" };
    ws.getCell("E5").value = { formula: "A1&B1", result: "STTChỉ tiêu" };
    ws.getCell("F5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("G5").value = { formula: "C3*2", result: 88.4 };
    ws.getCell("H5").value = { formula: "TRUE()", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell("I5").value = { formula: "TODAY()" } as ExcelJS.CellFormulaValue;
    ws.getCell("J5").value = { sharedFormula: "G5", result: 1 } as unknown as ExcelJS.CellValue;
    const formats = [
      "0.0%",
      "#,##0",
      "#,##0.00",
      "0.0",
      '0.0" tỷ"',
      "dd/mm/yyyy",
      "@",
      "General",
      "#,##0.00;[Red]-#,##0.00",
      "[$-F800]dddd, mmmm dd, yyyy",
    ];
    formats.forEach((format, i) => {
      const c = ws.getCell(7, i + 1);
      c.value = 0.4419 * (i + 1) * 1000;
      c.numFmt = format;
    });
    ws.getCell("A9").value = "  khoảng 10.000  \n dòng 2\t";
    ws.getCell("C9").style = { font: { bold: true } }; // styled, empty
    ws.getCell("A12").value = -0;
    ws.getCell("B12").value = 1e-7;
    ws.getCell("C12").value = 123456789012345;
    addSheet(wb, "Ẩn", [["x"]]).state = "hidden";
    addSheet(wb, "Rất ẩn", [[1]]).state = "veryHidden";
    addSheet(wb, "Trống", []);
    const bytes = await bytesOf(wb);
    const ours = await readWorkbook(bytes);
    expect(ours).toEqual(await readWithExcelJs(bytes));
    // and what it is, so that agreeing is not agreeing on nothing
    expect(ours.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Biểu <01> & "KH"', false],
      ["Ẩn", true],
      ["Rất ẩn", true],
      ["Trống", false],
    ]);
    const values = ours.sheets[0].values;
    expect(values[4]).toEqual([
      "Tỷ đồng",
      { error: "#N/A" },
      "2020-06-30",
      "nguồn",
      "STTChỉ tiêu",
      { error: "#DIV/0!" },
      88.4,
      true,
      null,
      1,
    ]);
    expect(ours.sheets[0].numberFormats?.[6]).toEqual([
      "0.0%",
      "#,##0",
      "#,##0.00",
      "0.0",
      '0.0" tỷ"',
      undefined,
      "@",
      undefined,
      "#,##0.00;[Red]-#,##0.00",
    ]);
    expect(values[6][5]).toBe("1907-04-04"); // serial 2651.4 with a date format is a date
  });

  it("random workbooks (property)", async () => {
    const formats = fc.constantFrom(undefined, "0.0", "0.0%", "#,##0", "@", "dd/mm/yyyy", "#,##0.00;[Red]-#,##0.00", '0" người"');
    const sheet = fc.record({
      name: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\\/?*[\]:']/g, "_").trim() || "S"),
      rows: fc.array(fc.array(fc.tuple(cell, formats), { maxLength: 8 }), { maxLength: 12 }),
      merges: fc.array(fc.tuple(fc.nat(10), fc.nat(6), fc.nat(2), fc.nat(2)), { maxLength: 4 }),
      state: fc.constantFrom("visible", "hidden"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const wb = new ExcelJS.Workbook();
        sheets.forEach((spec, index) => {
          const ws = wb.addWorksheet(`${index}${spec.name}`.slice(0, 31));
          ws.state = spec.state as ExcelJS.WorksheetState;
          spec.rows.forEach((row, r) =>
            row.forEach(([value, format], c) => {
              const target = ws.getCell(r + 1, c + 1);
              // ExcelJS writes "_x…_" and numbers it cannot print as they are; Excel never would.
              if (typeof value === "string" && value.includes("_x")) return;
              if (typeof value === "number" && !Number.isFinite(value)) return;
              target.value = value as ExcelJS.CellValue;
              if (format) target.numFmt = format;
            }),
          );
          const taken = new Set<string>();
          for (const [r, c, h, w] of spec.merges) {
            const cells = Array.from({ length: (h + 1) * (w + 1) }, (_, i) => `${r + Math.floor(i / (w + 1))},${c + (i % (w + 1))}`);
            if (cells.some((k) => taken.has(k))) continue;
            cells.forEach((k) => taken.add(k));
            ws.mergeCells(r + 1, c + 1, r + 1 + h, c + 1 + w);
          }
        });
        const bytes = await bytesOf(wb);
        expect(await readWorkbook(bytes)).toEqual(await readWithExcelJs(bytes));
      }),
      { numRuns: 60 },
    );
  });
});

/** A package written by hand, as other writers lay it out. */
async function handmade(parts: Record<string, string>, options: { stored?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: options.stored ? "STORE" : "DEFLATE" });
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rootRels = (target = "xl/workbook.xml", rel = REL) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="${target}"/></Relationships>`;

describe("files other writers make", () => {
  it("prefixed elements, inline and phonetic strings, escapes, entities, CDATA, cells and rows without addresses, 1904 dates, cells only from the sheet data", async () => {
    const bytes = await handmade({
      "_rels/.rels": rootRels("/xl/workbook.xml"),
      "xl/workbook.xml": `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="B&#7843;ng &amp; 1" sheetId="7" r:id="rIdS"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="${REL}/worksheet" Target="worksheets/../sheets/s.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/><Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      "xl/strings.xml": `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Tổng</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Trong </x:t></x:r><x:r><x:t>đó</x:t></x:r><x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:si><x:si><x:t>dòng_x000D_&#10;hai</x:t></x:si><x:si/></x:sst>`,
      "xl/styles.xml": `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
      "xl/sheets/s.xml":
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        `<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>` +
        `<x:row><x:c t="inlineStr"><x:is><x:t>1.235,6</x:t></x:is></x:c><x:c s="1"><x:v>44.2</x:v></x:c><x:c s="2"><x:v>0</x:v></x:c><x:c s="3"><x:v>0.442</x:v></x:c><x:c t="d"><x:v>2020-06-30T00:00:00Z</x:v></x:c></x:row>` +
        `<x:row r="5"><x:c r="C5" t="str"><x:f>"a"&amp;"&lt;b&gt;"</x:f><x:v><![CDATA[a<b>]]></x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c r="G5"><x:f>1/0</x:f></x:c><x:c r="H5"><x:v>abc</x:v></x:c></x:row>` +
        `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>` +
        `<x:extLst><x:ext uri="{x}"><x:row r="9"><x:c r="A9"><x:v>5</x:v></x:c></x:row></x:ext></x:extLst></x:worksheet>`,
    });
    const [sheet] = (await readWorkbook(bytes)).sheets;
    expect(sheet.name).toBe("Bảng & 1");
    expect(sheet.values).toEqual([
      ["Tổng", "Trong đó", "dòng\r\nhai", ""],
      ["1.235,6", 44.2, "1904-01-01", 0.442, "2020-06-30"],
      [],
      [],
      [null, null, "a<b>", true, { error: "#REF!" }],
    ]);
    expect(sheet.numberFormats?.[1]).toEqual([undefined, '0.0"%"', undefined, "0.00%"]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it("strict OOXML, stored entries, sheets in the workbook's order, chart sheets left out", async () => {
    const strict = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const sheetXml = (text: string) =>
      `<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
    const bytes = await handmade(
      {
        "_rels/.rels": rootRels("xl/workbook.xml", strict),
        "xl/worksheets/sheet1.xml": sheetXml("một"),
        "xl/worksheets/sheet2.xml": sheetXml("hai"),
        "xl/chartsheets/sheet1.xml": "<chartsheet/>",
        "xl/workbook.xml": `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="${strict}"><sheets><sheet name="Hai" sheetId="2" r:id="b"/><sheet name="Biểu đồ" sheetId="3" r:id="c"/><sheet name="Một" sheetId="1" r:id="a" state="visible"/></sheets></workbook>`,
        "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${strict}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="b" Type="${strict}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="c" Type="${strict}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      },
      { stored: true },
    );
    const snapshot = await readWorkbook(bytes);
    expect(snapshot.sheets.map((s) => [s.name, s.values, s.hidden])).toEqual([
      ["Hai", [[null, "hai"]], false],
      ["Một", [[null, "một"]], false],
    ]);
  });

  it('what Excel 2013+, openpyxl and .NET writers put in: a second workbookPr, zone-less t="d", CRLF line ends, dxf formats, comments in text, word booleans, built-in currency, locale dates, elapsed time', async () => {
    const sheet = (row: string) => `<worksheet ${NS}><sheetData><row r="1">${row}</row></sheetData></worksheet>`;
    const bytes = await handmade({
      "_rels/.rels": rootRels(),
      "xl/workbook.xml": `<workbook ${NS} xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="r3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      "xl/sharedStrings.xml": `<sst ${NS}><si><t>Chỉ tiêu\r\nchính\rphụ&#13;</t></si><si><t>Trong <!-- chú thích -->đó</t></si></sst>`,
      "xl/styles.xml":
        `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="[ss]"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
        `<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="43"/><xf numFmtId="31"/><xf numFmtId="165"/></cellXfs>` +
        `<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></dxf></dxfs></styleSheet>`,
      "xl/worksheets/sheet1.xml": sheet(
        `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>0.442</v></c><c r="D1" s="2"><v>43000</v></c><c r="E1" t="d"><v>2024-01-15T00:00:00</v></c>` +
          `<c r="F1" t="b"><v>false</v></c><c r="G1" t="b"><v>true</v></c><c r="H1" s="3"><v>1235.6</v></c><c r="I1" s="4"><v>43000</v></c><c r="J1" s="5"><v>0.5</v></c><c r="K1" t="str"><f>A1</f><v>x_x000D_y\r\nz</v></c><c r="L1" t="d"><v>T10:30:00</v></c>`,
      ),
    });
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Ho_Chi_Minh"; // a zone-less date-time must not be shifted to UTC (it was "2024-01-14" at UTC+7)
    try {
      const [read] = (await readWorkbook(bytes)).sheets;
      expect(read.values[0]).toEqual([
        "Chỉ tiêu\nchính\nphụ\r",
        "Trong đó",
        0.442,
        "2021-09-23",
        "2024-01-15",
        false,
        true,
        1235.6,
        "2021-09-23",
        // An elapsed time ("[ss]") is a number, not a day of 1904.
        0.5,
        "x\ry\nz",
        "10:30:00",
      ]);
      expect(read.numberFormats?.[0]?.[9]).toBe("[ss]");
      expect(read.numberFormats?.[0]?.[2]).toBe("0.0%");
      expect(read.numberFormats?.[0]?.[7]).toBe('_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("zip64 directories and entries", async () => {
    const bytes = zip64({
      "_rels/.rels": rootRels(),
      "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData><row r="2"><c r="A2"><v>7966</v></c></row></sheetData></worksheet>`,
    });
    expect((await readWorkbook(bytes)).sheets[0].values).toEqual([[], [7966]]);
  });
});

/** A zip in the zip64 form (stored entries, sizes and offsets in zip64 extra fields, zip64 end records). */
function zip64(files: Record<string, string>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    chunks.push(local, nameBytes, data);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 6);
    entry.writeUInt32LE(0xffffffff, 20);
    entry.writeUInt32LE(0xffffffff, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(0xffffffff, 42);
    central.push(entry, nameBytes, extra);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const count = Object.keys(files).length;
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end64, locator, end]));
}

describe("damaged files are refused, never crash the reader", () => {
  it("random damage to a real workbook (property)", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      "Biểu 01",
      [
        ["STT", "Chỉ tiêu", "KH 2020", "TH 6T/2020"],
        ["1", "Thu ngân sách", 2310, 961.1],
        ["a", "Trong đó:", null, "1.235,6"],
      ],
      ["A1:A2"],
      { C2: "#,##0" },
    );
    const original = Buffer.from(await wb.xlsx.writeBuffer());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.nat(255)), { minLength: 1, maxLength: 20 }),
        fc.option(fc.nat(original.length)),
        async (damage, cut) => {
          const bytes = Buffer.from(original);
          for (const [at, value] of damage) bytes[at] = value;
          try {
            await readWorkbook(cut === null ? bytes : bytes.subarray(0, cut));
          } catch (error) {
            expect(error).toBeInstanceOf(WorkbookInputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the XML reader ends on any text (property)", () => {
    const pieces = fc.constantFrom(
      "<",
      ">",
      "/",
      "</c>",
      "<c r='A1'>",
      "<v>",
      "</v>",
      "<![CDATA[",
      "]]>",
      "<!--",
      "-->",
      "<?x",
      "?>",
      '"',
      "'",
      "=",
      "&amp;",
      "&#x1F600;",
      "&bogus;",
      "x:",
      "t",
      " ",
      "ấ",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }).map((p) => p.join("")),
        (xml) => {
          const reader = new XmlReader(xml);
          let steps = 0;
          for (let event = reader.next(); event !== END; event = reader.next()) {
            expect([OPEN, CLOSE]).toContain(event);
            if (event === OPEN) {
              reader.attr("r");
              if (steps % 2) reader.text();
              else reader.skip();
            }
            expect(++steps).toBeLessThan(200);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("date formats", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["h:mm", false],
    ["h:mm AM/PM", false],
    ["mm:ss", false],
    ["mmm-yy", true],
    ["d/m/yyyy h:mm", true],
    ["DD/MM/YYYY", true],
    ["0.0%", false],
    ['0.0" ngày"', false],
    ["#,##0;[Red]-#,##0", false],
    ["0.00E+00", false],
    ["0.0\\ \\h\\a", false],
    ["[ss]", false],
    ["[h]:mm", false],
    ["[Red]0.0", false],
    ["General", false],
    ["@", false],
  ])("%s → %s", (format, date) => expect(isDateFormat(format)).toBe(date));
});

describeWithSoffice("files saved by LibreOffice read as ExcelJS reads them", () => {
  it("a sample workbook round-tripped through LibreOffice", async () => {
    const sample = SAMPLES[0];
    const dir = tempDir();
    const saved = sofficeConvert(await writeXlsx(sample.build(), dir, "sample.xlsx"), "xlsx", tempDir());
    const bytes = new Uint8Array(fs.readFileSync(saved));
    const ours = await readWorkbook(bytes);
    expect(ours).toEqual(await readWithExcelJs(bytes));
    expect(ours.sheets.length).toBeGreaterThan(0);
    expect(path.extname(saved)).toBe(".xlsx");
  });
});

describe("ZipArchive", () => {
  it("reads entries by name without case, null for a missing one", async () => {
    const zip = new ZipArchive(await handmade({ "xl/Workbook.xml": "<workbook/>" }));
    expect(await zip.text("XL/workbook.xml")).toBe("<workbook/>");
    expect(await zip.read("xl/none.xml")).toBeNull();
  });

  it("finds the directory when the zip's comment holds the end-record signature", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    const bytes = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      comment: "PK\u0005\u0006 và một chú thích dài hơn bản ghi cuối",
    });
    expect(await new ZipArchive(bytes).text("a.xml")).toBe("<a/>");
  });

  it.each([
    ["zlib", undefined],
    ["DecompressionStream", webInflate],
  ])("refuses an entry that inflates past the size its directory records (%s)", async (_, inflate) => {
    const bytes = await handmade({ "a.xml": "x".repeat(100_000) });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const central = bytes.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1000, true); // a "bomb": 100,000 bytes where 1,000 are announced
    // Stopped while inflating (not inflated whole and compared afterwards).
    await expect(new ZipArchive(bytes, inflate).read("a.xml")).rejects.toThrow(ZipError);
    await expect(new ZipArchive(bytes, inflate).read("a.xml")).rejects.toThrow(/cannot be inflated/);
  });

  it("with the browser's DecompressionStream as with Node's zlib", async () => {
    const bytes = await handmade({ "a.xml": "ấ".repeat(10_000) });
    expect(await new ZipArchive(bytes, webInflate).text("a.xml")).toBe("ấ".repeat(10_000));
    expect(await new ZipArchive(bytes).text("a.xml")).toBe("ấ".repeat(10_000));
  });
});

describe("hostile packages, refused in one line before anything costs", () => {
  const workbookParts = (sheet: string, extra: Record<string, string> = {}) => ({
    "_rels/.rels": rootRels(),
    "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst ${NS}><si><t>Tổng</t></si></sst>`,
    "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`,
    ...extra,
  });
  const refusal = async (bytes: Uint8Array): Promise<WorkbookInputError> => {
    const error = await readWorkbook(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookInputError);
    return error as WorkbookInputError;
  };

  it.each([
    ["a row past 1,048,576", `<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>`],
    ["a column past XFD", `<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>`],
    [
      "a merged area past the limits",
      `<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:ZZZ9"/></mergeCells><sheetData>`,
    ],
  ])("a cell beyond Excel's limits: %s", async (_, sheet) => {
    expect((await refusal(await handmade(workbookParts(sheet)))).reason).toMatch(/ngoài giới hạn của Excel/);
  });

  it("costs by the cells present: an empty last row and a far cell make no million rows", async () => {
    const far = await readWorkbook(
      await handmade(
        workbookParts(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"/><row r="9"><c r="B9"><v>5</v></c></row>`),
      ),
    );
    expect(far.sheets[0].values).toHaveLength(9);
    const last = await readWorkbook(await handmade(workbookParts(`<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>`)));
    const rows = last.sheets[0].values;
    expect(rows).toHaveLength(1_048_576);
    // Every empty row is one shared row, not a million arrays.
    expect(new Set(rows.slice(0, -1)).size).toBe(1);
    expect(rows[1_048_575][16_383]).toBe(5);
  });

  it("a text cell pointing at a shared string the file lacks", async () => {
    const error = await refusal(await handmade(workbookParts(`<row r="3"><c r="B3" t="s"><v>7</v></c></row>`)));
    expect(error.reason).toMatch(/ô B3 trỏ tới chuỗi số 7/);
  });

  it("a DOCTYPE, whose entities could make this reader see other text than Excel", async () => {
    const parts = workbookParts(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
    parts["xl/sharedStrings.xml"] = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x "Tổng">]><sst ${NS}><si><t>&x;</t></si></sst>`;
    expect((await refusal(await handmade(parts))).reason).toMatch(/khai báo DOCTYPE/);
  });

  it("two entries whose names differ only in case", async () => {
    const parts = workbookParts(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
      "XL/worksheets/SHEET1.xml": `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
    });
    expect((await refusal(await handmade(parts))).reason).toMatch(/chỉ khác chữ hoa, chữ thường/);
  });

  it("entries that share their compressed data", async () => {
    const bytes = (await handmade(workbookParts(`<row r="1"><c r="A1"><v>1</v></c></row>`))).slice();
    const view = new DataView(bytes.buffer);
    const central: number[] = [];
    for (let at = 0; at + 46 <= bytes.length; at++) {
      const named = Buffer.from(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))).toString();
      if (view.getUint32(at, true) === 0x02014b50 && !named.endsWith("/")) central.push(at);
    }
    // The second file's data is said to start where the first one's does.
    view.setUint32(central[1] + 42, view.getUint32(central[0] + 42, true), true);
    expect((await refusal(bytes)).reason).toMatch(/chồng lên nhau/);
  });

  it("a part announcing more than the reader's bound, refused without inflating", async () => {
    const bytes = (await handmade(workbookParts(`<row r="1"><c r="A1"><v>1</v></c></row>`))).slice();
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 46 <= bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 2 ** 31, true);
    expect((await refusal(bytes)).reasonEn).toMatch(/more than the 268435456 allowed/);
  });

  it("a package that names its workbook part otherwise is read through its relationships", async () => {
    const parts = workbookParts(`<row r="1"><c r="A1"><v>42</v></c></row>`);
    const renamed: Record<string, string> = {};
    for (const [name, text] of Object.entries(parts))
      renamed[name.replace(/^xl\//, "bang/").replace("xl/workbook.xml", "bang/so.xml")] = text;
    renamed["_rels/.rels"] = rootRels("bang/so.xml");
    renamed["bang/_rels/so.xml.rels"] = renamed["bang/_rels/workbook.xml.rels"];
    delete renamed["bang/_rels/workbook.xml.rels"];
    const renamedBook = renamed["bang/workbook.xml"];
    delete renamed["bang/workbook.xml"];
    renamed["bang/so.xml"] = renamedBook;
    expect((await readWorkbook(await handmade(renamed))).sheets[0].values).toEqual([[42]]);
  });
});

describe("entities", () => {
  // The rule as the XML specification states it, written as a plain replace for comparison.
  const byRule = (text: string) =>
    text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
      if (body[0] !== "#") return ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[body] ?? whole;
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });

  it("are decoded by the rule on any text, in one scan however many there are", () => {
    const piece = fc.constantFrom(
      "&amp;",
      "&lt;",
      "&#233;",
      "&#x1F600;",
      "&#x0010FFFF;",
      "&#x110000;",
      "&bogus;",
      "&",
      ";",
      "&#;",
      "&#x;",
      "a",
      "ệ",
      " ",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(decodeEntities(text)).toBe(byRule(text));
      }),
      { numRuns: 2000 },
    );
    // A text of a million entities: decoded whole (a replace with a call for each took seconds and gigabytes).
    const many = "Tổng thu &amp; chi ".repeat(200_000);
    expect(decodeEntities(many)).toBe("Tổng thu & chi ".repeat(200_000));
  });
});
