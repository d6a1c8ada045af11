// `chitieu check` on a folder of submissions, as a statistics office runs it: several layouts in
// nested folders, a corrupt file, a renamed Word file, a password-protected workbook and one where
// the official set a finding aside in the pane. Every file is reported in a stable order, with the
// right reasons and exit status, in JSON, NDJSON, CSV and a summary workbook read back.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { withSavedIgnores } from "../helpers/richWorkbook";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeCrypto = require("officecrypto-tool") as { encrypt(input: Buffer, options: { password: string }): Buffer };

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name));

async function wordFile(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  zip.file(
    "word/document.xml",
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("chitieu check on a folder of submissions", () => {
  const root = tempDir("chitieu-batch-");
  const folder = path.join(root, "nop");
  let ignoredKey: { rule: string; sheet: string; cell: string };

  beforeAll(async () => {
    fs.mkdirSync(path.join(folder, "huyen", "xa"), { recursive: true });
    fs.writeFileSync(path.join(folder, "a-tinh.xlsx"), sample("lang-son-9-thang-2021.xlsx"));
    fs.writeFileSync(path.join(folder, "huyen", "b-huyen.xlsx"), sample("tuyen-quang-6-thang-2020.xlsx"));
    fs.writeFileSync(path.join(folder, "huyen", "xa", "c-xa.xlsx"), sample("thai-nguyen-nam-2021.xlsx"));
    fs.writeFileSync(path.join(folder, "huyen", "xa", "d-hong.xlsx"), sample("bao-cao-9-thang-2020.xlsx").subarray(0, 3000));
    fs.writeFileSync(path.join(folder, "huyen", "e-word.xlsx"), await wordFile());
    fs.writeFileSync(
      path.join(folder, "huyen", "f-mat-khau.xlsx"),
      officeCrypto.encrypt(sample("tuyen-quang-6-thang-2020.xlsx"), { password: "so-tc" }),
    );
    fs.writeFileSync(path.join(folder, "ghi-chu.txt"), "không phải bảng tính");
    fs.writeFileSync(path.join(folder, "~$a-tinh.xlsx"), "tệp khoá của Excel");
    // The official set one of the province's warnings aside in the pane, with a reason.
    const province = JSON.parse(chitieu(["check", path.join(folder, "a-tinh.xlsx"), "--json"]).stdout);
    const warning = province.findings.find((f: { severity: string }) => f.severity === "warning");
    ignoredKey = { rule: warning.rule, sheet: warning.sheet, cell: warning.cell };
    fs.writeFileSync(
      path.join(folder, "g-bo-qua.xlsx"),
      await withSavedIgnores(sample("lang-son-9-thang-2021.xlsx"), [
        { ...ignoredKey, reason: "Đã giải trình với Sở Tài chính", date: "2026-10-05" },
      ]),
    );
  });

  const expected = [
    ["a-tinh.xlsx", "checked"],
    ["g-bo-qua.xlsx", "checked"],
    ["huyen/b-huyen.xlsx", "checked"],
    ["huyen/e-word.xlsx", "refused"],
    ["huyen/f-mat-khau.xlsx", "refused"],
    ["huyen/xa/c-xa.xlsx", "checked"],
    ["huyen/xa/d-hong.xlsx", "refused"],
  ];

  test("every workbook of the folder, at any depth, in a stable order; reasons right; exit 2 for the unusable ones", () => {
    const r = chitieu(["check", folder, "--json"]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(
      out.files.map((f: { file: string; status: string }) => [path.relative(folder, f.file).split(path.sep).join("/"), f.status]),
    ).toEqual(expected);
    const reason = (name: string) => out.files.find((f: { file: string }) => f.file.endsWith(name)).reason;
    expect(reason("e-word.xlsx")).toMatch(/văn bản Word/);
    expect(reason("f-mat-khau.xlsx")).toMatch(/mật khẩu/);
    expect(reason("d-hong.xlsx")).toMatch(/hỏng|không trọn vẹn/);
    expect(out.summary).toMatchObject({ files: 7, checked: 4, refused: 3 });
    // The same order and results one after another in one thread as in parallel workers.
    const sequential = JSON.parse(chitieu(["check", folder, "--json", "--jobs", "1"]).stdout);
    expect(sequential).toEqual(out);
  });

  test("a finding the official set aside in the pane is reported as ignored, with the reason, not as open", () => {
    const out = JSON.parse(chitieu(["check", folder, "--json"]).stdout);
    const withIgnore = out.files.find((f: { file: string }) => f.file.endsWith("g-bo-qua.xlsx"));
    const plain = out.files.find((f: { file: string }) => f.file.endsWith("a-tinh.xlsx"));
    const same = (f: { rule: string; sheet: string; cell: string }) =>
      f.rule === ignoredKey.rule && f.sheet === ignoredKey.sheet && f.cell === ignoredKey.cell;
    expect(plain.findings.some(same)).toBe(true);
    expect(withIgnore.findings.some(same)).toBe(false);
    expect(withIgnore.ignored).toEqual([
      { finding: expect.objectContaining(ignoredKey), reason: "Đã giải trình với Sở Tài chính", date: "2026-10-05" },
    ]);
    expect(out.summary.ignored).toBe(1);
    // One file alone keeps the JSON of before, the ignored finding listed apart.
    const single = JSON.parse(chitieu(["check", path.join(folder, "g-bo-qua.xlsx"), "--json"]).stdout);
    expect(single.findings.some(same)).toBe(false);
    expect(single.ignored).toHaveLength(1);
  });

  test("NDJSON one file a line, CSV one finding a line; both parse", () => {
    const ndjson = chitieu(["check", folder, "--format", "ndjson"]);
    const lines = ndjson.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(expected.map(([, status]) => status));
    const csv = chitieu(["check", folder, "--format", "csv"]);
    expect(csv.status).toBe(2);
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual(["file", "sheet", "cell", "rule", "severity", "message", "ignored_reason"]);
    const json = JSON.parse(chitieu(["check", folder, "--json"]).stdout);
    const findings = json.files.reduce(
      (n: number, f: { findings: unknown[]; ignored: unknown[] }) => n + f.findings.length + f.ignored.length,
      0,
    );
    expect(rows).toHaveLength(1 + findings + 3);
    expect(rows.filter((r) => r[4] === "refused")).toHaveLength(3);
    expect(rows.find((r) => r[6] === "Đã giải trình với Sở Tài chính")).toBeDefined();
  });

  test("the summary workbook lists every file and every finding, read back", async () => {
    const report = path.join(root, "tong-hop.xlsx");
    const r = chitieu(["check", folder, "--report", report]);
    expect(r.status).toBe(2);
    const book = await readWorkbook(fs.readFileSync(report));
    expect(book.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Phát hiện"]);
    const [files, findings] = book.sheets;
    expect(files.values[0]).toEqual([
      "Tệp",
      "Trạng thái",
      "Lý do",
      "Năm báo cáo",
      "Số chỉ tiêu",
      "Lỗi",
      "Cảnh báo",
      "Ghi chú",
      "Đã bỏ qua",
    ]);
    expect(files.values.slice(1).map((row) => row[1])).toEqual(
      expected.map(([, s]) => (s === "checked" ? "Đã kiểm tra" : "Không dùng được")),
    );
    const json = JSON.parse(chitieu(["check", folder, "--json"]).stdout);
    expect(findings.values.length - 1).toBe(json.summary.error + json.summary.warning + json.summary.info + json.summary.ignored);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(report))).file("xl/worksheets/sheet1.xml")?.async("string");
    expect(xml).toContain(`<autoFilter ref="A1:I${expected.length + 1}"/>`);
    expect(xml).toContain('state="frozen"');
    // An existing report is kept unless --force.
    expect(chitieu(["check", folder, "--report", report]).stderr).toMatch(/--force/);
    // A report kept in the folder it sums up is not checked as a submission on the next run.
    const inside = path.join(folder, "tong-hop.xlsx");
    try {
      for (let run = 0; run < 2; run++) {
        const again = JSON.parse(chitieu(["check", folder, "--json", "--report", inside, "--force"]).stdout);
        expect(again.files).toHaveLength(expected.length);
      }
    } finally {
      fs.rmSync(inside);
    }
  });

  test("globs are expanded by chitieu; a pattern or folder naming nothing is reported, the rest still checked", () => {
    const r = chitieu(["check", path.join(folder, "**", "*-x*.xlsx"), path.join(root, "khong-co", "*.xlsx"), "--format", "ndjson"]);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [path.basename(l.file), l.status])).toEqual([
      ["c-xa.xlsx", "checked"],
      ["*.xlsx", "refused"],
    ]);
    expect(r.status).toBe(2);
    const clean = chitieu(["check", path.join(folder, "huyen", "b-*.xlsx"), path.join(folder, "huyen", "xa", "c-*.xlsx"), "--json"]);
    expect(clean.status).toBe(0);
  });

  test("progress goes to a terminal's standard error, and nowhere when it is not a terminal", async () => {
    const run1 = async (terminal: boolean) => {
      const errors: string[] = [];
      const lines: string[] = [];
      const status = await run(["check", folder, "--format", "ndjson"], {
        stdout: (t) => lines.push(t),
        stderr: (t) => errors.push(t),
        stderrIsTerminal: terminal,
      });
      return { status, errors: errors.join(""), lines: lines.join("").trim().split("\n") };
    };
    const onTerminal = await run1(true);
    // Files done, and the one awaited next.
    expect(onTerminal.errors).toMatch(/\r\[1\/7\] .*g-bo-qua\.xlsx/);
    expect(onTerminal.errors).toMatch(/\r\[7\/7\] /);
    expect(onTerminal.lines).toHaveLength(7);
    const piped = await run1(false);
    expect(piped.errors).toBe("");
    expect(piped.lines).toEqual(onTerminal.lines);
    expect(piped.status).toBe(2);
  });

  test("the progress line is cleared before each file's report, never printed over", async () => {
    const written: Array<[string, string]> = [];
    await run(["check", folder, "--jobs", "1"], {
      stdout: (t) => written.push(["out", t]),
      stderr: (t) => written.push(["err", t]),
      stderrIsTerminal: true,
    });
    let drawn = false;
    for (const [stream, text] of written) {
      if (stream === "err") drawn = !text.endsWith("\r");
      else expect([drawn, text]).toEqual([false, text]);
    }
    expect(written.some(([stream, text]) => stream === "err" && text.startsWith("\r[3/7]"))).toBe(true);
  });

  test("exit 1 when every file is usable and one has an error finding", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample("tuyen-quang-6-thang-2020.xlsx") as unknown as ArrayBuffer);
    // The stated TH/KH of the industry row, 44,2%, typed as 64,2%: provably wrong from the figures.
    wb.worksheets[0].getCell("G11").value = 64.2;
    const wrong = path.join(root, "sai", "sai-so.xlsx");
    fs.mkdirSync(path.dirname(wrong), { recursive: true });
    await wb.xlsx.writeFile(wrong);
    fs.copyFileSync(path.join(SAMPLES, "thai-nguyen-nam-2021.xlsx"), path.join(root, "sai", "dung.xlsx"));
    const r = chitieu(["check", path.dirname(wrong), "--json"]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ files: 2, refused: 0 });
    expect(out.summary.error).toBeGreaterThan(0);
  });

  test("a workbook from standard input, and `--` before a file named like an option", () => {
    const bytes = sample("tuyen-quang-6-thang-2020.xlsx");
    const piped = chitieu(["check", "-", "--json"], bytes as unknown as string);
    expect(JSON.parse(piped.stdout).indicators).toHaveLength(15);
    const odd = path.join(root, "--nam.xlsx");
    fs.writeFileSync(odd, bytes);
    const r = chitieu(["check", "--json", "--", odd]);
    expect(r.status).toBe(0);
  });
});

describe("what a batch must not do", () => {
  const root = tempDir("chitieu-batch-edges-");

  test("--report never replaces a submission, even with --force; an earlier summary among them is passed over", async () => {
    const folder = path.join(root, "nop");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "a.xlsx"), sample("lang-son-9-thang-2021.xlsx"));
    fs.writeFileSync(path.join(folder, "b.xlsx"), sample("tuyen-quang-6-thang-2020.xlsx"));
    const onto = chitieu(["check", folder, "--report", path.join(folder, "b.xlsx"), "--force"]);
    expect([onto.status, fs.readFileSync(path.join(folder, "b.xlsx")).equals(sample("tuyen-quang-6-thang-2020.xlsx"))]).toEqual([2, true]);
    expect(onto.stderr).toMatch(/^chitieu: --report ".*b\.xlsx" chính là tệp/);
    const summary = path.join(folder, "tong-hop.xlsx");
    expect(chitieu(["check", folder, "--report", summary]).status).toBe(0);
    // The next run of the folder: the summary is not a submission, and the status is the submissions'.
    const next = chitieu(["check", folder, "--json"]);
    expect(next.status).toBe(0);
    const json = JSON.parse(next.stdout);
    expect(json.files.map((f: { file: string; status: string }) => [path.basename(f.file), f.status])).toEqual([
      ["a.xlsx", "checked"],
      ["b.xlsx", "checked"],
      ["tong-hop.xlsx", "skipped"],
    ]);
    expect(json.summary).toMatchObject({ files: 3, checked: 2, refused: 0, skipped: 1 });
  });

  test("a damaged add-in settings part refuses its file, and the others are still checked", async () => {
    const folder = path.join(root, "hong");
    fs.mkdirSync(folder, { recursive: true });
    const zip = await JSZip.loadAsync(sample("tuyen-quang-6-thang-2020.xlsx"));
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"/>`,
    );
    fs.writeFileSync(path.join(folder, "a-doctype.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    fs.writeFileSync(path.join(folder, "b.xlsx"), sample("lang-son-9-thang-2021.xlsx"));
    for (const jobs of ["1", "2"]) {
      const r = chitieu(["check", folder, "--format", "ndjson", "--jobs", jobs]);
      const lines = r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect([r.status, lines.map((l) => l.status)]).toEqual([2, ["refused", "checked"]]);
      expect(lines[0].reason).toContain("DOCTYPE");
    }
  });

  test("a file named with brackets is one file; links are followed, each file checked once", () => {
    const folder = path.join(root, "lien-ket");
    fs.mkdirSync(path.join(folder, "thang"), { recursive: true });
    const odd = path.join(root, "bao-cao [ban 2].xlsx");
    fs.writeFileSync(odd, sample("tuyen-quang-6-thang-2020.xlsx"));
    expect(JSON.parse(chitieu(["check", odd, "--json"]).stdout).indicators).toHaveLength(15);
    fs.writeFileSync(path.join(folder, "thang", "a.xlsx"), sample("lang-son-9-thang-2021.xlsx"));
    fs.symlinkSync(odd, path.join(folder, "b-link.xlsx"));
    fs.symlinkSync(path.join(folder, "thang"), path.join(folder, "c-thu-muc"));
    // A link to a folder above: no loop.
    fs.symlinkSync(folder, path.join(folder, "thang", "len"));
    const r = chitieu(["check", folder, odd, "--format", "ndjson"]);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => path.relative(root, JSON.parse(l).file)),
    ).toEqual([path.join("lien-ket", "b-link.xlsx"), path.join("lien-ket", "c-thu-muc", "a.xlsx")]);
  });

  test("a --year the workbook contradicts is said on standard error in the formats for scripts", () => {
    const file = path.join(root, "lang-son.xlsx");
    fs.writeFileSync(file, sample("lang-son-9-thang-2021.xlsx"));
    const r = chitieu(["check", file, file.replace(".xlsx", "-2.xlsx"), "--year", "2020", "--format", "ndjson"]);
    expect(r.stderr).toMatch(/^chitieu: .*lang-son\.xlsx: .*2021/m);
  });
});

describe("the command line's own failures", () => {
  test("an internal error: exit 3, one line, the stack only with CHITIEU_DEBUG", async () => {
    const file = path.join(SAMPLES, "tuyen-quang-6-thang-2020.xlsx");
    const errors: string[] = [];
    const broken = {
      stdout: () => {
        throw new Error("đĩa đầy\nat line 2");
      },
      stderr: (t: string) => errors.push(t),
    };
    expect(await run(["check", file], broken)).toBe(3);
    expect(errors.join("")).toBe("chitieu: lỗi không mong đợi (unexpected error): đĩa đầy\n");
    process.env.CHITIEU_DEBUG = "1";
    errors.length = 0;
    try {
      expect(await run(["check", file], broken)).toBe(3);
    } finally {
      delete process.env.CHITIEU_DEBUG;
    }
    expect(errors.join("")).toMatch(/\n\s+at /);
  });

  test("each command explains itself with --help; options are parsed by Node, said in Vietnamese", () => {
    for (const command of ["check", "check-text", "fill", "templates", "rules"]) {
      const r = chitieu([command, "--help"]);
      expect({ command, status: r.status }).toEqual({ command, status: 0 });
      expect(r.stdout).toContain(`chitieu ${command}`);
    }
    expect(chitieu(["check", "a.xlsx", "--year"]).stderr).toMatch(/--year cần một giá trị/);
    expect(chitieu(["check", "a.xlsx", "--json=1"]).stderr).toMatch(/--json không nhận giá trị/);
    expect(chitieu(["check", "a.xlsx", "--format", "xml"]).stderr).toMatch(/--format phải là/);
  });
});

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === "\n") {
      row.push(field);
      field = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    } else field += ch;
  }
  return rows;
}
