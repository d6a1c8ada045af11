// Lossless writing: filling a workbook rich in parts (chart, image, comment, data validation,
// defined name, the add-in's settings, custom XML, custom properties, VBA) with both built-in
// templates, a user template of the workbook and one of a template file, and writing comparison
// columns into a user's sheet, keeps every part of the input as stored, except the entries a new
// sheet needs; LibreOffice opens the result and recalculates the core's values.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { comparisonColumns, fillTemplate, type EditPlan, type SheetPlan } from "../../src/core/fill";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { applyPlanToBytes } from "../../src/hosts/xlsx/applyPlan";
import { readWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { ZipArchive, type StoredEntry } from "../../src/hosts/xlsx/zip";
import { chitieu } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { richWorkbook } from "../helpers/richWorkbook";
import { describeWithSoffice, sofficeConvert } from "../helpers/soffice";
import { addTemplate } from "../helpers/templates";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "tuyen-quang-6-thang-2020.xlsx");
/** The entries a new sheet needs changed; the calculation chain is a cache Excel rebuilds. */
const PACKAGE_ENTRIES = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

function entries(bytes: Uint8Array): Map<string, StoredEntry> {
  return new Map(new ZipArchive(bytes).stored().map((e) => [e.name, e]));
}

/** Every entry of `before` is in `after` as stored (same compressed bytes), but for `changed` ones. */
function expectKept(before: Uint8Array, after: Uint8Array, changed: readonly string[]): string[] {
  const input = entries(before);
  const output = entries(after);
  for (const [name, entry] of input) {
    if (changed.includes(name) || name === "xl/calcChain.xml") continue;
    const kept = output.get(name);
    expect({ name, present: kept !== undefined }).toEqual({ name, present: true });
    expect({ name, same: Buffer.compare(Buffer.from(kept!.data), Buffer.from(entry.data)) === 0, crc: kept!.crc }).toEqual({
      name,
      same: true,
      crc: entry.crc,
    });
  }
  return [...output.keys()].filter((name) => !input.has(name));
}

async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(part)?.async("string")) ?? "";
}

async function plan(bytes: Uint8Array, template: "bieu-chi-tieu" | "bao-cao"): Promise<{ snapshot: WorkbookSnapshot; sheet: SheetPlan }> {
  const snapshot = await readWorkbook(bytes);
  const result = fillTemplate(snapshot, checkWorkbook(snapshot), template);
  return { snapshot, sheet: (result.plan as EditPlan).sheets[0] };
}

describeWithSoffice("lossless writing", () => {
  const dir = tempDir("chitieu-lossless-");

  test.each([
    [".xlsx", false],
    [".xlsm", true],
  ])("%s: both built-in templates, filled twice, keep every other part as stored; LibreOffice recalculates", async (extension, macro) => {
    const input = await richWorkbook(SAMPLE, { macro });
    const first = await plan(input, "bieu-chi-tieu");
    const once = await applyPlanToBytes(input, { sheets: [first.sheet] });
    const added = expectKept(input, once, PACKAGE_ENTRIES);
    expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
    const report = await plan(once, "bao-cao");
    const twice = await applyPlanToBytes(once, { sheets: [report.sheet] });
    expect(expectKept(once, twice, PACKAGE_ENTRIES)).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
    // The third fill replaces the first generated sheet: its part, in its place, and nothing else.
    const again = await plan(twice, "bieu-chi-tieu");
    expect(again.sheet.replaces).toBe(first.sheet.name);
    const thrice = await applyPlanToBytes(twice, { sheets: [again.sheet] });
    expect(expectKept(twice, thrice, [...PACKAGE_ENTRIES, added[0]])).toEqual([]);

    // The package entries changed only by addition: every relationship, type and sheet of before is there.
    const types = await text(thrice, "[Content_Types].xml");
    for (const line of (await text(input, "[Content_Types].xml")).match(/<(Override|Default)\b[^>]*>/g) ?? [])
      if (!line.includes("calcChain")) expect(types).toContain(line);
    const rels = await text(thrice, "xl/_rels/workbook.xml.rels");
    for (const line of (await text(input, "xl/_rels/workbook.xml.rels")).match(/<Relationship\b[^>]*>/g) ?? [])
      if (!line.includes("calcChain")) expect(rels).toContain(line);
    const book = await text(thrice, "xl/workbook.xml");
    for (const element of (await text(input, "xl/workbook.xml")).match(/<(sheet|definedName)\b[^>]*>/g) ?? [])
      expect(book).toContain(element);
    expect(types).toContain(macro ? "macroEnabled.main+xml" : "sheet.main+xml");
    expect(book).toMatch(/fullCalcOnLoad="1"/);

    // Our reader sees the user's sheets unchanged and the two generated sheets after them.
    const before = await readWorkbook(input);
    const after = await readWorkbook(thrice);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), first.sheet.name, report.sheet.name]);
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)?.values).toEqual(sheet.values);

    // LibreOffice opens it, keeps the chart and the image, and computes what the core computed.
    const file = path.join(dir, `rich${extension}`);
    fs.writeFileSync(file, thrice);
    const recalculated = sofficeConvert(file, "xlsx", fs.mkdtempSync(path.join(dir, "lo-")));
    const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(recalculated))).files);
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/media\/image\d+\.png$/.test(n))).toBe(true);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(recalculated);
    const table = lo.getWorksheet(again.sheet.name) as ExcelJS.Worksheet;
    const formulas = again.sheet.cells.filter((c) => c.formula !== undefined && typeof c.value === "number");
    expect(formulas.length).toBeGreaterThan(20);
    for (const planned of formulas)
      expect({ at: planned.address, result: table.getCell(planned.address).result }).toEqual({
        at: planned.address,
        result: expect.closeTo(planned.value as number, 9),
      });
    expect(table.pageSetup.printTitlesRow).toBe("4:4");
  });

  test("user templates, of the workbook and of a template file, keep every part; the file's styles come along", async () => {
    const input = await richWorkbook(SAMPLE, { template: true });
    const file = path.join(dir, "rich-template.xlsx");
    fs.writeFileSync(file, input);
    const out = path.join(dir, "rich-template-out.xlsx");
    expect(chitieu(["fill", file, "--template", "Mẫu", "--out", out]).stderr).toBe("");
    const own = fs.readFileSync(out);
    expect(expectKept(input, own, PACKAGE_ENTRIES)).toHaveLength(1);

    const templateBook = new ExcelJS.Workbook();
    addTemplate(templateBook);
    const templateFile = path.join(dir, "mau-rieng.xlsx");
    await templateBook.xlsx.writeFile(templateFile);
    const out2 = path.join(dir, "rich-template-file.xlsx");
    expect(chitieu(["fill", file, "--template", templateFile, "--out", out2]).stderr).toBe("");
    expect(expectKept(input, fs.readFileSync(out2), PACKAGE_ENTRIES)).toHaveLength(1);

    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(sofficeConvert(out2, "xlsx", fs.mkdtempSync(path.join(dir, "lo-"))));
    const ws = lo.getWorksheet("Mẫu 6T-2020") as ExcelJS.Worksheet;
    expect(ws.getCell("B4").font?.italic).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.getCell("D4").result).toBeCloseTo(2.7, 9);
  });

  test("comparison columns written into the user's sheet change that part only by the cells written", async () => {
    const input = await richWorkbook(SAMPLE);
    const snapshot = await readWorkbook(input);
    const analysis = checkWorkbook(snapshot);
    const sheet = snapshot.sheets[0];
    const { write, refused } = comparisonColumns(snapshot, analysis, sheet.name, { planPercent: "N", previous: "O" });
    expect(refused).toEqual([]);
    expect(write.cells.length).toBeGreaterThan(10);
    const out = await applyPlanToBytes(input, { sheets: [], writes: [write] });
    expect(expectKept(input, out, [...PACKAGE_ENTRIES, "xl/worksheets/sheet1.xml"])).toEqual([]);
    // Remove what was written: the rest of the sheet's XML is the input's, but for row span hints.
    const written = new Set(write.cells.map((c) => c.address));
    const strip = (xml: string) =>
      xml
        .replace(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>.*?<\/c>)/g, (cell, at: string) => (written.has(at) ? "" : cell))
        .replace(/ spans="[^"]*"/g, "");
    expect(strip(await text(out, "xl/worksheets/sheet1.xml"))).toBe(strip(await text(input, "xl/worksheets/sheet1.xml")));

    const file = path.join(dir, "columns.xlsx");
    fs.writeFileSync(file, out);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(sofficeConvert(file, "xlsx", fs.mkdtempSync(path.join(dir, "lo-"))));
    const ws = lo.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    for (const cell of write.cells.filter((c) => typeof c.value === "number"))
      expect({ at: cell.address, result: ws.getCell(cell.address).result }).toEqual({
        at: cell.address,
        result: expect.closeTo(cell.value as number, 9),
      });
    // The user's own cells beside them keep their values.
    const reread = await readWorkbook(out);
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) expect(reread.sheets[0].values[r][c]).toEqual(value);
      }),
    );
  });
});
