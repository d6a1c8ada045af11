// `chitieu check-text` on the report as officials write it, in Word: a .docx read by its content
// (whatever its name), findings placed by paragraph; files that only look like one refused.
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeCrypto = require("officecrypto-tool") as { encrypt(input: Buffer, options: { password: string }): Buffer };

const dir = tempDir("chitieu-docx-cli-");
const sample = path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx");

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
/** A paragraph; each string a run (so a word may be split across runs, as Word writes after edits). */
const p = (...runs: string[]) => `<w:p>${runs.map((run) => (run.startsWith("<") ? run : r(run))).join("")}</w:p>`;
const table = (...rows: string[][]) =>
  `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;
const tracked = 'w:id="1" w:author="Chuyên viên" w:date="2020-07-02T00:00:00Z"';

async function writeDocx(name: string, body: string, footnote?: string): Promise<string> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  if (footnote) {
    zip.file(
      "word/_rels/document.xml.rels",
      `<Relationships xmlns="${RELS}"><Relationship Id="rId2" Type="${REL}/footnotes" Target="footnotes.xml"/></Relationships>`,
    );
    zip.file(
      "word/footnotes.xml",
      `<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1">${p("<w:r><w:separator/></w:r>")}</w:footnote>` +
        `<w:footnote w:id="1">${p("<w:r><w:footnoteRef/></w:r>", " " + footnote)}</w:footnote></w:footnotes>`,
    );
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return file;
}

// A half-year 2020 report in Word; its fourth paragraph compares with "năm 2029" (the year typed
// wrong), split across runs as Word leaves it after an edit.
const REPORT = [
  p("ỦY BAN NHÂN DÂN TỈNH"),
  "<w:p/>",
  p("BÁO CÁO", "<w:r><w:br/></w:r>", "Tình hình kinh tế - xã hội 6 tháng đầu năm 2020"),
  p(
    "Sáu tháng đầu năm 2020, tổng sản phẩm trên địa bàn ước tăng 3,1% so với cùng kỳ năm 2019",
    '<w:r><w:footnoteReference w:id="1"/></w:r>',
    ".",
  ),
  table(["Chỉ tiêu", "6 tháng năm 2020"], ["Tổng đàn gia cầm (triệu con)", "4,2"]),
  p("Chăn nuôi giữ ổn định, tổng đàn gia cầm ước 4,2 triệu con, tăng 5% so với cùng kỳ năm 20", "29", "; dịch bệnh được khống chế."),
  p("Các ngành tiếp tục bám sát kế hoạch năm 2020."),
].join("");

describe("chitieu check-text on a Word report (.docx)", () => {
  it("finds the wrong comparison year, placed by paragraph, and exits 1", async () => {
    const file = await writeDocx("bao-cao-6-thang.docx", REPORT, "Số liệu ước tính của Cục Thống kê.");
    const json = chitieu(["check-text", file, "--json"]);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe("");
    const result = JSON.parse(json.stdout);
    expect(result.reportYear).toBe(2020);
    // Paragraphs: 1 the heading, 2 the title (its line break a space), 3 the GRDP sentence, 4-7 the table's cells, 8 the error.
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: "base-year",
        severity: "error",
        line: 8,
        excerpt: expect.stringContaining("năm 2029"),
        expected: 2019,
        actual: 2029,
      }),
    ]);

    const human = chitieu(["check-text", file]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/^Văn bản: bao-cao-6-thang\.docx \(Word, 10 đoạn\)$/m);
    expect(human.stdout).toMatch(/^ {2}đoạn 8, cột \d+ \(câu \d+\) {2}\[base-year\] {2}"[^"]*năm 2029/m);
    expect(human.stdout).not.toMatch(/dòng \d+/);
    expect(human.stdout).toMatch(/Tổng cộng: 1 lỗi, 0 cảnh báo, 0 ghi chú\./);
  });

  it("says when the paragraph is a table cell", async () => {
    const file = await writeDocx(
      "bang.docx",
      p("Báo cáo 6 tháng đầu năm 2020 của tỉnh.") + table(["Chỉ tiêu", "Ghi chú"], ["Đàn gia cầm", "tăng 5% so với cùng kỳ năm 2029"]),
    );
    const r = chitieu(["check-text", file, "--year", "2020"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {2}đoạn 5 \(trong bảng\), cột \d+ \(câu 1\) {2}\[base-year\]/m);
  });

  it("reads the document as corrected: a tracked deletion of the wrong year and the insertion of the right one", async () => {
    const corrected = REPORT.replace(
      p("Chăn nuôi giữ ổn định, tổng đàn gia cầm ước 4,2 triệu con, tăng 5% so với cùng kỳ năm 20", "29", "; dịch bệnh được khống chế."),
      p(
        "Chăn nuôi giữ ổn định, tổng đàn gia cầm ước 4,2 triệu con, tăng 5% so với cùng kỳ năm 20",
        `<w:del ${tracked}><w:r><w:delText>29</w:delText></w:r></w:del><w:ins ${tracked}>${r("19")}</w:ins>`,
        "; dịch bệnh được khống chế.",
      ),
    );
    const result = chitieu(["check-text", await writeDocx("da-sua.docx", corrected), "--json"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it("reads a .docx by its content: under another name, and from standard input", async () => {
    const file = await writeDocx("bao-cao.txt", REPORT);
    expect(JSON.parse(chitieu(["check-text", file, "--json"]).stdout).findings.map((f: any) => [f.rule, f.line])).toEqual([
      ["base-year", 8],
    ]);
    const stdin = spawnSync(process.execPath, [BIN, "check-text", "-", "--json"], {
      input: fs.readFileSync(file),
      encoding: "utf8",
      timeout: 120000,
    });
    expect(stdin.status).toBe(1);
    expect(JSON.parse(stdin.stdout).findings.map((f: any) => [f.rule, f.line])).toEqual([["base-year", 8]]);
  });

  it("checks a .docx against a workbook", async () => {
    const file = await writeDocx(
      "doi-chieu.docx",
      p(
        "Sáu tháng đầu năm 2020, giá trị sản xuất công nghiệp toàn tỉnh ước ",
        "7.966 tỷ đồng, tăng 6% so với cùng kỳ năm 2019, bằng 42,1% kế hoạch năm.",
      ),
    );
    const r = chitieu(["check-text", file, "--workbook", sample, "--json"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: any) => [f.rule, f.line, f.excerpt])).toEqual([
      ["stated-percent", 1, expect.stringMatching(/^bằng 42,1% kế hoạch/)],
    ]);
  });

  describe("refuses with one Vietnamese line and exit 2", () => {
    const refused = (file: string, pattern: RegExp) => {
      const r = chitieu(["check-text", file]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^chitieu: không dùng được tệp "[^"]+": /);
      expect(r.stderr).toMatch(pattern);
    };

    it("a legacy .doc", () => {
      const doc = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
      Buffer.from("WordDocument", "utf16le").copy(doc, 1024);
      const file = path.join(dir, "bao-cao-cu.doc");
      fs.writeFileSync(file, doc);
      refused(file, /văn bản Word cũ \(\.doc\); hãy mở bằng Word và lưu lại dưới dạng \.docx/);
    });

    it("a password-protected .docx", async () => {
      const plain = fs.readFileSync(await writeDocx("mo.docx", REPORT));
      const file = path.join(dir, "mat-khau.docx");
      fs.writeFileSync(file, officeCrypto.encrypt(plain, { password: "bao-cao" }));
      refused(file, /được đặt mật khẩu/);
    });

    it("an .xlsx renamed .docx", async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Biểu 01").getCell("A1").value = "Chỉ tiêu";
      const file = path.join(dir, "bang-tinh.docx");
      fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      refused(file, /bảng tính Excel \(\.xlsx\), không phải tệp văn bản/);
    });

    it("a truncated .docx", async () => {
      const whole = fs.readFileSync(await writeDocx("day-du.docx", REPORT));
      const file = path.join(dir, "tai-chua-xong.docx");
      fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
      refused(file, /bị hỏng hoặc không trọn vẹn/);
    });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
});
