// What the command line prints to a terminal: a cell's control characters escaped, a pipe closed
// early without a stack trace, and a word when --year differs from the year the workbook states.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { jsonText, terminalSafe } from "../../src/cli/main";
import { BIN, chitieu } from "../helpers/cli";
import { addSheet, tempDir } from "../helpers/files";

const sample = path.join(__dirname, "..", "..", "samples", "thai-nguyen-nam-2021.xlsx");

describe("terminalSafe", () => {
  it("shows control characters as \\xHH and keeps line breaks, tabs and Vietnamese", () => {
    expect(terminalSafe("Tỷ lệ\t\x1b[31mđỏ\x07\r\n\x9b2J")).toBe("Tỷ lệ\t\\x1b[31mđỏ\\x07\\x0d\n\\x9b2J");
  });
});

describe("jsonText", () => {
  it("escapes DEL and the C1 controls as JSON escapes, so the text stays JSON and parses back", () => {
    const value = { name: "Thu\x7f ngân\x85 sách\x9b2J\x1b", n: [1, null] };
    const text = jsonText(value, 2);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text).toContain("\\u0085");
    expect(JSON.parse(text)).toEqual(value);
  });
});

async function escapingWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "Biểu", [
    ["CHỈ TIÊU NĂM 2021"],
    ["TT", "Chỉ tiêu", "ĐVT", "TH 2020", "KH 2021", "TH 2021"],
    ["1", "Thu ngân sách", "Tỷ đồng", 100, 120, 105],
    ["2", "Giá trị xuất khẩu", "Triệu USD", 40, 50, 55],
  ]);
  // XML cannot hold ESC or BEL as they are: OOXML writes them _x001B_, _x0007_, as a hostile file would.
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = Object.keys(zip.files).find((name) => /sharedStrings/.test(name)) as string;
  const xml = (await zip.file(part)?.async("string")) as string;
  const hostile = xml
    .replace("Thu ngân sách", "Thu ngân sách_x001B_]0;bi-chiem_x0007__x001B_[2J")
    .replace("Giá trị xuất khẩu", "Giá trị_x009B_ xuất khẩu");
  zip.file(part, hostile);
  const file = path.join(tempDir("chitieu-esc-"), "esc.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

describe("chitieu on a terminal", () => {
  it("escapes the escape codes a workbook's cells carry", async () => {
    const r = chitieu(["check", await escapingWorkbook()]);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(r.stdout).toContain("Thu ngân sách\\x1b]0;bi-chiem\\x07\\x1b[2J");
  });

  it("keeps --json parseable when cells carry C0 and C1 controls, with none of them raw", async () => {
    const r = chitieu(["check", await escapingWorkbook(), "--json"]);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const names = JSON.parse(r.stdout).indicators.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(["Thu ngân sách\x1b]0;bi-chiem\x07\x1b[2J", "Giá trị\x9b xuất khẩu"]));
  });

  it("stops quietly when the reader closes the pipe early", () => {
    const dir = tempDir("chitieu-pipe-");
    const err = path.join(dir, "err.txt");
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" check "${sample}" --json 2>"${err}" | head -c 10 >/dev/null`]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(err, "utf8")).toBe("");
  });

  it("says when --year differs from the year the workbook states, and reads by --year", () => {
    const r = chitieu(["check", sample, "--year", "2020", "--json"]);
    expect(r.stderr).toMatch(/^chitieu: chú ý: --year 2020 khác năm bảng tính ghi \(2021\)/);
    expect(JSON.parse(r.stdout).reportYear).toBe(2020);
    expect(chitieu(["check", sample, "--year", "2021", "--json"]).stderr).toBe("");
  });
});
