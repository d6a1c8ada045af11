// Where `chitieu fill` writes: never onto a file it reads (by any link), never over a file without
// --force, one clear line for a missing or closed folder, and never half a file.
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError, writeWhole } from "../../src/cli/output";
import { chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";

const sample = path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx");

function setUp(): { dir: string; input: string; bytes: Buffer } {
  const dir = tempDir("chitieu-out-");
  const input = path.join(dir, "bao-cao.xlsx");
  fs.copyFileSync(sample, input);
  return { dir, input, bytes: fs.readFileSync(input) };
}

/** One line on standard error, no stack trace, exit 2. */
function refused(r: { status: number | null; stderr: string; stdout: string }, words: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(words);
  expect(r.stderr).not.toMatch(/\s+at\s|Error:/);
}

const tempFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("chitieu fill --out", () => {
  it("a second fill finds the cell formats the first added, and adds none", async () => {
    const { dir, input } = setUp();
    const formats = async (file: string) => {
      const styles = (await (await JSZip.loadAsync(fs.readFileSync(file))).file("xl/styles.xml")?.async("string")) ?? "";
      return Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
    };
    const [once, twice] = [path.join(dir, "mot.xlsx"), path.join(dir, "hai.xlsx")];
    expect(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", once]).status).toBe(0);
    expect(chitieu(["fill", once, "--template", "bieu-chi-tieu", "--out", twice]).status).toBe(0);
    expect(await formats(once)).toBeGreaterThan(await formats(input));
    expect(await formats(twice)).toBe(await formats(once));
  });

  it("takes no sheet name a chart sheet has: the workbook keeps every name once", async () => {
    const { dir, input } = setUp();
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const edit = async (part: string, change: (xml: string) => string) =>
      zip.file(part, change((await zip.file(part)?.async("string")) ?? ""));
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
    );
    await edit("xl/_rels/workbook.xml.rels", (x) =>
      x.replace("</Relationships>", `<Relationship Id="rIdCs" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    );
    await edit("xl/workbook.xml", (x) =>
      x.replace("</sheets>", `<sheet name="Biểu chỉ tiêu 6T-2020" sheetId="99" r:id="rIdCs"/></sheets>`),
    );
    await edit("[Content_Types].xml", (x) =>
      x.replace(
        "</Types>",
        `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>`,
      ),
    );
    const charted = path.join(dir, "bieu-do.xlsx");
    fs.writeFileSync(charted, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "bieu-do-ra.xlsx");
    expect(chitieu(["fill", charted, "--template", "bieu-chi-tieu", "--out", out]).status).toBe(0);
    const workbook = (await (await JSZip.loadAsync(fs.readFileSync(out))).file("xl/workbook.xml")?.async("string")) ?? "";
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("Biểu chỉ tiêu 6T-2020 (2)");
  });

  it("keeps the kind of workbook: an .xlsm only into an .xlsm, an .xlsx only into an .xlsx", () => {
    const { dir, input } = setUp();
    const macro = path.join(dir, "co-macro.xlsm");
    fs.copyFileSync(input, macro);
    refused(chitieu(["fill", macro, "--template", "bieu-chi-tieu", "--out", path.join(dir, "ra.xlsx")]), /\.xlsm/);
    refused(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", path.join(dir, "ra.xlsm")]), /\.xlsx/);
    expect(chitieu(["fill", macro, "--template", "bieu-chi-tieu", "--out", path.join(dir, "ra.xlsm")]).status).toBe(0);
  });

  it.each([
    ["a symbolic link to the input", (input: string, out: string) => fs.symlinkSync(input, out)],
    ["a hard link to the input", (input: string, out: string) => fs.linkSync(input, out)],
  ])("refuses %s, even with --force, and leaves the input as it was", (_, link) => {
    const { dir, input, bytes } = setUp();
    const out = path.join(dir, "ket-qua.xlsx");
    link(input, out);
    refused(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", out, "--force"]), /chính là tệp/);
    expect(fs.readFileSync(input)).toEqual(bytes);
  });

  it("refuses the template file as the output", () => {
    const { dir, input } = setUp();
    const template = path.join(dir, "mau.xlsx");
    fs.copyFileSync(sample, template);
    const before = fs.readFileSync(template);
    const out = path.join(dir, "lien-ket-mau.xlsx");
    fs.symlinkSync(template, out);
    refused(chitieu(["fill", input, "--template", template, "--out", out, "--force"]), /chính là tệp/);
    expect(fs.readFileSync(template)).toEqual(before);
  });

  it("keeps an existing file unless --force, then replaces it whole", () => {
    const { dir, input } = setUp();
    const out = path.join(dir, "ket-qua.xlsx");
    fs.writeFileSync(out, "bản cũ");
    refused(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", out]), /đã có tệp .*--force/);
    expect(fs.readFileSync(out, "utf8")).toBe("bản cũ");
    const forced = chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", out, "--force"]);
    expect([0, 1]).toContain(forced.status);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(tempFiles(dir)).toEqual([]);
  });

  it("says in one line that the folder is missing", () => {
    const { dir, input } = setUp();
    refused(
      chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", path.join(dir, "khong-co", "ra.xlsx")]),
      /thư mục .* không tồn tại/,
    );
  });

  // A superuser may write anywhere: the permission cannot be taken away from it.
  const asUser = process.getuid?.() === 0 ? it.skip : it;
  asUser("says in one line that the folder cannot be written to", () => {
    const { dir, input } = setUp();
    const closed = path.join(dir, "chi-doc");
    fs.mkdirSync(closed);
    fs.chmodSync(closed, 0o555);
    try {
      refused(chitieu(["fill", input, "--template", "bieu-chi-tieu", "--out", path.join(closed, "ra.xlsx")]), /không có quyền ghi/);
    } finally {
      fs.chmodSync(closed, 0o755);
    }
  });
});

describe("writeWhole", () => {
  it("leaves the old file and no temporary file behind when the write fails", async () => {
    const dir = tempDir("chitieu-whole-");
    // A folder that holds a file cannot be replaced by a rename: the last step fails.
    const out = path.join(dir, "ra.xlsx");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "giu.txt"), "giữ nguyên");
    await expect(writeWhole(out, new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(OutputError);
    expect(fs.readFileSync(path.join(out, "giu.txt"), "utf8")).toBe("giữ nguyên");
    expect(tempFiles(dir)).toEqual([]);
  });

  it("writes the bytes whole", async () => {
    const dir = tempDir("chitieu-whole-");
    const out = path.join(dir, "ra.xlsx");
    fs.writeFileSync(out, "cũ");
    await writeWhole(out, new Uint8Array([80, 75, 3, 4]));
    expect([...fs.readFileSync(out)]).toEqual([80, 75, 3, 4]);
    expect(tempFiles(dir)).toEqual([]);
  });
});
