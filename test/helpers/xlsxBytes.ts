// A one-sheet .xlsx ("Biểu 01") written by hand from rows of values, for pane tests that open files
// as the official does (numbers as numbers, text inline).
import JSZip from "jszip";
import { columnLetters, type CellValue } from "../../src/core/model/snapshot";

export async function xlsxOf(rows: CellValue[][]): Promise<Uint8Array> {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"`;
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const sheetRows = rows
    .map((row, r) => {
      const body = row
        .map((v, c) => {
          const at = `${columnLetters(c)}${r + 1}`;
          if (typeof v === "number") return `<c r="${at}"><v>${v}</v></c>`;
          if (typeof v === "string") return `<c r="${at}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
          return "";
        })
        .join("");
      return `<row r="${r + 1}">${body}</row>`;
    })
    .join("");
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="Biểu 01" sheetId="1" r:id="r1"/></sheets></workbook>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${sheetRows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}
