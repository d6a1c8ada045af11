// The docx host: the text of Word documents written in the test (their XML parts zipped with
// JSZip), read the way an official reads the report: runs joined, tables cell by cell, notes after
// the body, every tracked change accepted, field codes left out; and refusals of what is not a .docx.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { checkDocumentBytes, DocumentInputError, isDocumentPackage, readDocx } from "../../src/hosts/docx/readDocx";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeCrypto = require("officecrypto-tool") as { encrypt(input: Buffer, options: { password: string }): Buffer };

const TRANSITIONAL = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const STRICT = {
  w: "http://purl.oclc.org/ooxml/wordprocessingml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const NS_EXTRA =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"';

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A run of text. */
const r = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (...content: string[]) => `<w:p>${content.join("")}</w:p>`;
const cell = (...paragraphs: string[]) =>
  `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraphs.join("") || "<w:p/>"}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tracked = 'w:id="9" w:author="Phòng Tổng hợp" w:date="2020-07-01T08:00:00Z"';
/** A complex field: its code between begin and separate, its result after. */
const field = (code: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(code)} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

interface Parts {
  body: string;
  footnotes?: string;
  endnotes?: string;
  ns?: typeof TRANSITIONAL;
  /** Part names: the main document and its notes (relationship targets are written relative to the main part's folder). */
  names?: { document: string; footnotes: string; endnotes: string; footnotesTarget: string; endnotesTarget: string };
  extra?: Record<string, string>;
  compression?: "STORE" | "DEFLATE";
}

async function docx(parts: Parts): Promise<Uint8Array> {
  const ns = parts.ns ?? TRANSITIONAL;
  const names = parts.names ?? {
    document: "word/document.xml",
    footnotes: "word/footnotes.xml",
    endnotes: "word/endnotes.xml",
    footnotesTarget: "footnotes.xml",
    endnotesTarget: "endnotes.xml",
  };
  const rootNs = `xmlns:w="${ns.w}" xmlns:r="${ns.r}" ${NS_EXTRA}`;
  const zip = new JSZip();
  const main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${names.document}" ContentType="${main}.document.main+xml"/>` +
      (parts.footnotes ? `<Override PartName="/${names.footnotes}" ContentType="${main}.footnotes+xml"/>` : "") +
      (parts.endnotes ? `<Override PartName="/${names.endnotes}" ContentType="${main}.endnotes+xml"/>` : "") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="/${names.document}"/></Relationships>`,
  );
  zip.file(
    names.document,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${rootNs}><w:body>${parts.body}` +
      `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  const folder = names.document.slice(0, names.document.lastIndexOf("/") + 1);
  const rels = [`<Relationship Id="rId9" Type="${ns.rel}/hyperlink" Target="https://example.invalid/bao-cao" TargetMode="External"/>`];
  if (parts.footnotes) {
    rels.push(`<Relationship Id="rId2" Type="${ns.rel}/footnotes" Target="${names.footnotesTarget}"/>`);
    zip.file(names.footnotes, `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${rootNs}>${parts.footnotes}</w:footnotes>`);
  }
  if (parts.endnotes) {
    rels.push(`<Relationship Id="rId3" Type="${ns.rel}/endnotes" Target="${names.endnotesTarget}"/>`);
    zip.file(names.endnotes, `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${rootNs}>${parts.endnotes}</w:endnotes>`);
  }
  zip.file(
    `${folder}_rels/${names.document.slice(folder.length)}.rels`,
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  for (const [name, content] of Object.entries(parts.extra ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: parts.compression ?? "DEFLATE" });
}

/** Word's separator notes, which are no text, then the notes given. */
const notes = (kind: "footnote" | "endnote", ...bodies: [string, string][]) =>
  `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
  `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>` +
  bodies
    .map(
      ([id, text]) =>
        `<w:${kind} w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:${kind}Ref/></w:r>${r(" " + text)}</w:p></w:${kind}>`,
    )
    .join("");

const REPORT_BODY = [
  // a heading whose words are split across runs, mid-word, as Word does after editing
  p(
    '<w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>',
    r("BÁO CÁO TÌNH HÌNH KINH T"),
    r("Ế - XÃ H", "<w:b/>"),
    r("ỘI 6 THÁNG ĐẦU NĂM 2020"),
  ),
  "<w:p/>",
  p('<w:pPr><w:jc w:val="both"/></w:pPr>'),
  p(
    r("Giá trị sản xu"),
    r("ất công nghiệp ước đạt 7.9", '<w:i/><w:lang w:val="vi-VN"/>'),
    r("66 tỷ đồng"),
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
    r(", tăng "),
    `<w:del ${tracked}><w:r><w:delText>4,5</w:delText></w:r></w:del>`,
    `<w:ins ${tracked}>${r("6,1")}</w:ins>`,
    r("% so với cùng kỳ năm 2019"),
    `<w:del ${tracked}><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r></w:del>`,
    `<w:moveFrom ${tracked}>${r(" (trích dẫn cũ)")}</w:moveFrom>`,
    r("."),
    `<w:moveTo ${tracked}>${r(" Số liệu ước tính.")}</w:moveTo>`,
  ),
  p(
    r("Kinh tế"),
    "<w:r><w:br/></w:r>",
    r("xã hội"),
    "<w:r><w:tab/></w:r>",
    r("ổn định; dịch Covid"),
    "<w:r><w:noBreakHyphen/></w:r>",
    r("19 được kiểm soát."),
  ),
  // a content control, a simple field and a complex field (PAGE), a hyperlink both ways
  `<w:sdt><w:sdtPr><w:alias w:val="Kỳ báo cáo"/><w:tag w:val="ky"/></w:sdtPr><w:sdtContent>${p(r("Kỳ báo cáo: 6 tháng"))}</w:sdtContent></w:sdt>`,
  `<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>${p(r("Bấm vào đây để nhập văn bản."))}</w:sdtContent></w:sdt>`,
  p(
    r("Trang "),
    field("PAGE", r("3")),
    r("/"),
    `<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT ">${r("12")}</w:fldSimple>`,
    r("; xem "),
    `<w:hyperlink r:id="rId9" w:history="1">${r("cổng thông tin", '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`,
    r(" hoặc "),
    field('HYPERLINK "https://example.invalid/phu-luc"', r("phụ lục")),
    r(" (ngày "),
    field('IF 1 = 1 "trang ' + "x" + '" ""', r("15/7")),
    r(")."),
  ),
  // a table: a header row, a row whose cell has two paragraphs and an empty cell, a deleted row
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
    row(cell(p(r("STT"))), cell(p(r("Chỉ tiêu"))), cell(p(r("Thực hiện")))) +
    row(cell(p(r("1"))), cell(p(r("Vốn đầu tư")), p(r("toàn xã hội"))), cell(p(r("2.150")))) +
    `<w:tr><w:trPr><w:del ${tracked}/></w:trPr>${cell(p(r("2")))}${cell(p(r("Dòng đã xoá")))}${cell()}</w:tr>` +
    row(cell(p(r("3"))), cell(p(r("Du lịch"))), cell()) +
    `</w:tbl>`,
  // a paragraph whose mark is deleted joins the next one
  p(`<w:pPr><w:rPr><w:del ${tracked}/></w:rPr></w:pPr>`, r("Tổng mức bán lẻ ")),
  p(r("tăng 1,7%.")),
  // a text box: the drawing (mc:Choice) is read, its VML copy (mc:Fallback) is not
  p(
    r("Neo hình."),
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Hộp 1" descr="mô tả"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p(r("Trong hộp văn bản."))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r("Trong hộp văn bản."))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
  ),
  // indentation typed as spaces and a tab, decomposed Vietnamese (Unicode tổ hợp), an endnote reference
  p("<w:r><w:tab/></w:r>", r("   Thu ngân sa\u0301ch đạt 52% dự toán."), '<w:r><w:endnoteReference w:id="1"/></w:r>'),
].join("");

const REPORT_TEXT = [
  "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2020",
  "Giá trị sản xuất công nghiệp ước đạt 7.966 tỷ đồng, tăng 6,1% so với cùng kỳ năm 2019. Số liệu ước tính.",
  "Kinh tế xã hội\tổn định; dịch Covid-19 được kiểm soát.",
  "Kỳ báo cáo: 6 tháng",
  "Trang 3/12; xem cổng thông tin hoặc phụ lục (ngày 15/7).",
  "STT",
  "Chỉ tiêu",
  "Thực hiện",
  "1",
  "Vốn đầu tư",
  "toàn xã hội",
  "2.150",
  "3",
  "Du lịch",
  "Tổng mức bán lẻ tăng 1,7%.",
  "Neo hình.",
  "Trong hộp văn bản.",
  "Thu ngân sách đạt 52% dự toán.",
  "Số liệu sơ bộ của Cục Thống kê.",
  "Nguồn: Sở Tài chính.",
];
const REPORT_KINDS = [
  ...["body", "body", "body", "body", "body"],
  ...["table", "table", "table", "table", "table", "table", "table", "table", "table"],
  ...["body", "body", "body", "body", "footnote", "endnote"],
];

const reportParts: Parts = {
  body: REPORT_BODY,
  footnotes: notes("footnote", ["1", "Số liệu sơ bộ của Cục Thống kê."], ["2", "Chú thích của câu đã xoá."]),
  endnotes: notes("endnote", ["1", "Nguồn: Sở Tài chính."]),
};

async function refusal(bytes: Uint8Array): Promise<DocumentInputError> {
  const error = await readDocx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentInputError);
  return error as DocumentInputError;
}

describe("docx host: the text", () => {
  it("reads a report paragraph by paragraph: runs, changes, fields, links, controls, a table, a text box, the notes", async () => {
    const read = await readDocx(await docx(reportParts));
    expect(read.text).toBe(REPORT_TEXT.join("\n"));
    expect(read.paragraphs.map((q) => read.text.slice(q.start, q.end))).toEqual(REPORT_TEXT);
    expect(read.paragraphs.map((q) => q.kind)).toEqual(REPORT_KINDS);
  });

  it("reads the same text from stored (uncompressed) parts", async () => {
    expect((await readDocx(await docx({ ...reportParts, compression: "STORE" }))).text).toBe(REPORT_TEXT.join("\n"));
  });

  it("reads strict OOXML, with parts of its own names reached through the relationships", async () => {
    const bytes = await docx({
      ns: STRICT,
      body:
        p(r("Văn bản theo chuẩn "), r("strict.")) + p(r("Chỉ số giá tiêu dùng tăng 3,2%"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
      footnotes: notes("footnote", ["1", "Chú thích strict."]),
      endnotes: notes("endnote", ["1", "Ghi chú cuối strict."]),
      names: {
        document: "noi-dung/bao cao.xml",
        footnotes: "noi-dung/ghi-chu/cuoi-trang.xml",
        endnotes: "chung/cuoi-van-ban.xml",
        footnotesTarget: "ghi-chu/cuoi-trang.xml",
        endnotesTarget: "../chung/cuoi-van-ban.xml",
      },
      // decoys at the usual names, which the relationships do not point to
      extra: {
        "word/document.xml": `<w:document xmlns:w="${STRICT.w}"><w:body>${p(r("Không được đọc."))}</w:body></w:document>`,
        "word/footnotes.xml": `<w:footnotes xmlns:w="${STRICT.w}"><w:footnote w:id="1">${p(r("Không được đọc."))}</w:footnote></w:footnotes>`,
      },
    });
    const read = await readDocx(bytes);
    expect(read.text).toBe("Văn bản theo chuẩn strict.\nChỉ số giá tiêu dùng tăng 3,2%\nChú thích strict.\nGhi chú cuối strict.");
    expect(read.paragraphs.map((q) => q.kind)).toEqual(["body", "body", "footnote", "endnote"]);
  });

  it("reads a document whose elements carry another prefix, or none", async () => {
    const zip = new JSZip();
    zip.file(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${TRANSITIONAL.rel}/officeDocument" Target="word/document.xml"/></Relationships>`,
    );
    zip.file(
      "word/document.xml",
      `<document xmlns="${TRANSITIONAL.w}"><body><p><r><t>Không tiền tố, </t></r><r><t>&#273;&#7841;t 98&#37;</t></r></p>` +
        `<ns0:p xmlns:ns0="${TRANSITIONAL.w}"><ns0:r><ns0:t><![CDATA[Tiền tố ns0 & <CDATA>]]></ns0:t></ns0:r></ns0:p></body></document>`,
    );
    const read = await readDocx(await zip.generateAsync({ type: "uint8array" }));
    expect(read.text).toBe("Không tiền tố, đạt 98%\nTiền tố ns0 & <CDATA>");
  });

  it("reads a document without package relationships at word/document.xml, and an empty document as no text", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<w:document xmlns:w="${TRANSITIONAL.w}"><w:body>${p(r("Chỉ có phần thân."))}</w:body></w:document>`);
    expect((await readDocx(await zip.generateAsync({ type: "uint8array" }))).text).toBe("Chỉ có phần thân.");
    expect(await readDocx(await docx({ body: "<w:p/>" }))).toEqual({ text: "", paragraphs: [] });
  });

  it("leaves out nested field codes and keeps a field whose result spans paragraphs", async () => {
    const nested =
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
      field("PAGE", r("1")) +
      `<w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("kết quả")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const toc =
      p(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
        r("Mục I"),
      ) + p(r("Mục II"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>');
    const read = await readDocx(await docx({ body: p(r("Trước "), nested, r(" sau.")) + toc + p(r("Hết.")) }));
    expect(read.text).toBe("Trước kết quả sau.\nMục I\nMục II\nHết.");
  });
});

describe("docx host: refusals", () => {
  it("refuses an empty file and plain text", async () => {
    expect((await refusal(new Uint8Array())).reason).toMatch(/tệp rỗng/);
    expect((await refusal(new TextEncoder().encode("Báo cáo 6 tháng"))).reason).toMatch(/không phải là văn bản Word/);
    expect(isDocumentPackage(new TextEncoder().encode("PK là chữ viết tắt"))).toBe(false);
  });

  it("refuses a legacy .doc and names it", async () => {
    // An OLE compound file whose directory holds the "WordDocument" stream.
    const doc = new Uint8Array(1536);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(
      [..."WordDocument"].flatMap((c) => [c.charCodeAt(0), 0]),
      1024,
    );
    expect(isDocumentPackage(doc)).toBe(true);
    const error = await refusal(doc);
    expect(error.reason).toMatch(/Word cũ \(\.doc\)/);
    expect(error.reasonEn).toMatch(/legacy Word/);
  });

  it("refuses a password-protected .docx", async () => {
    const encrypted = officeCrypto.encrypt(Buffer.from(await docx(reportParts)), { password: "bao-cao" });
    expect((await refusal(encrypted)).reason).toMatch(/đặt mật khẩu/);
  });

  it("refuses an .xlsx renamed .docx, a presentation, an .odt and a zip of something else", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Biểu 01").getCell("A1").value = "Chỉ tiêu";
    expect((await refusal(new Uint8Array(await wb.xlsx.writeBuffer()))).reason).toMatch(
      /bảng tính Excel \(\.xlsx\), không phải tệp văn bản/,
    );
    const zipOf = async (files: Record<string, string>) => {
      const zip = new JSZip();
      for (const [name, content] of Object.entries(files)) zip.file(name, content);
      return zip.generateAsync({ type: "uint8array" });
    };
    expect((await refusal(await zipOf({ "ppt/presentation.xml": "<p:presentation/>" }))).reason).toMatch(/PowerPoint/);
    expect((await refusal(await zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }))).reason).toMatch(
      /OpenDocument \(\.odt\)/,
    );
    expect((await refusal(await zipOf({ "anh.png": "…" }))).reason).toMatch(/không chứa văn bản Word/);
  });

  it("refuses a truncated or damaged .docx as corrupt", async () => {
    const bytes = await docx(reportParts);
    for (const length of [10, 100, bytes.length >> 1, bytes.length - 30]) {
      expect((await refusal(bytes.subarray(0, length))).reason).toMatch(/bị hỏng hoặc không trọn vẹn/);
    }
    // Bytes of the compressed document part changed: it no longer inflates to its recorded size.
    const damaged = bytes.slice();
    const name = Buffer.from(bytes).indexOf("word/document.xml");
    for (let i = name + 40; i < name + 80; i++) damaged[i] ^= 0x5a;
    expect((await refusal(damaged)).reason).toMatch(/bị hỏng/);
  });

  it("refuses, without inflating it, a part that announces more than the reader's bound", async () => {
    const bytes = (await docx(reportParts)).slice();
    const view = new DataView(bytes.buffer);
    // Every central directory entry says its part inflates to 300 MiB.
    for (let at = bytes.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      view.setUint32(at + 24, 300 * 1024 * 1024, true);
    }
    const started = Date.now();
    expect((await refusal(bytes)).reasonEn).toMatch(/inflates to 314572800 bytes, more than the 268435456 allowed/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("checkDocumentBytes refuses what is no zip before reading anything", () => {
    expect(() => checkDocumentBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(DocumentInputError);
  });
});

describe("docx host: hostile input", () => {
  // Positions as fractions of the file's length: a few bytes overwritten anywhere, sometimes the file cut short.
  const position = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
  const damage = fc.record({
    truncateTo: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: position, weight: 1 }),
    flips: fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    stored: fc.boolean(),
  });

  it("never throws anything but DocumentInputError on a damaged or cut .docx, and ends quickly", async () => {
    const deflated = await docx(reportParts);
    const stored = await docx({ ...reportParts, compression: "STORE" });
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(damage, async ({ truncateTo, flips, stored: useStored }) => {
        let bytes = (useStored ? stored : deflated).slice();
        for (const [where, value] of flips) bytes[Math.floor(where * bytes.length)] = value;
        if (truncateTo !== undefined) bytes = bytes.subarray(0, Math.floor(truncateTo * bytes.length));
        const started = Date.now();
        try {
          const read = await readDocx(bytes);
          outcomes.read++;
          expect(typeof read.text).toBe("string");
          for (const q of read.paragraphs) expect(read.text.slice(q.start, q.end)).not.toMatch(/\n/);
        } catch (error) {
          if (!(error instanceof DocumentInputError)) throw error;
          outcomes.refused++;
        }
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 400 },
    );
    // Both ways out were taken: damage the reader read through, and damage it refused.
    expect(outcomes.read).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });

  // Any nesting of the elements the reader gives a meaning to, closed or not, in any order.
  const fragment = fc.constantFrom(
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>chữ</w:t>",
    "<w:t>",
    "<w:del>",
    "</w:del>",
    "<w:ins>",
    "</w:ins>",
    '<w:fldChar w:fldCharType="begin"/>',
    '<w:fldChar w:fldCharType="separate"/>',
    '<w:fldChar w:fldCharType="end"/>',
    "<w:instrText>PAGE</w:instrText>",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "<w:trPr><w:del/></w:trPr>",
    "<w:tc>",
    "</w:tc>",
    "<w:pPr><w:rPr><w:del/></w:rPr></w:pPr>",
    "<w:pPr>",
    "<w:br/>",
    "<w:tab/>",
    "<w:txbxContent>",
    "</w:body>",
    "<w:body>",
    '<w:footnoteReference w:id="1"/>',
    "<!--",
    "<![CDATA[",
    '<w:t a="',
    "&#x110000;",
    "&amp;",
  );

  it("never throws on any arrangement of WordprocessingML elements", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 60 }), fc.array(fragment, { maxLength: 20 }), async (body, note) => {
        const read = await readDocx(
          await docx({ body: body.join(""), footnotes: `<w:footnote w:id="1">${note.join("")}</w:footnote>`, compression: "STORE" }),
        );
        const lines = read.text === "" ? [] : read.text.split("\n");
        expect(read.paragraphs).toHaveLength(lines.length);
        read.paragraphs.forEach((q, i) => expect(read.text.slice(q.start, q.end)).toBe(lines[i]));
      }),
      { numRuns: 300 },
    );
  });
});
