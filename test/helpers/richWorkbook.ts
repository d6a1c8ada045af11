// A workbook rich in the parts officials' files carry and ExcelJS does not model: a chart, an
// image, a comment, data validation, a defined name, the add-in's saved settings (the pane's
// ignores), custom XML, custom document properties, a calculation chain, and, as .xlsm, a VBA
// project. Built from a sample workbook by ExcelJS, the rest added to the package as Excel writes it.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addTemplate } from "./templates";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Biểu 01'!$F$8:$F$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/** What the pane saves when an official ignores a finding: Office.js settings of the add-in. */
const WEBEXTENSION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A1E2D8C-1B7F-4C3A-9E55-0C1D2E3F4A5B}"><we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="chitieu.ignores" value="&quot;[{\\&quot;key\\&quot;:\\&quot;plan-percent|Bi\\u1ec3u 01|G8\\&quot;,\\&quot;reason\\&quot;:\\&quot;\\u0110\\u00e3 \\u0111\\u1ed1i chi\\u1ebfu v\\u1edbi S\\u1edf T\\u00e0i ch\\u00ednh\\&quot;}]&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`;

const TASKPANES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;

export interface RichOptions {
  /** An .xlsm with a VBA project. */
  macro?: boolean;
  /** A user template sheet ("Mẫu") inside the workbook. */
  template?: boolean;
}

/** The rich workbook's bytes, built on the sample at `sample`. */
export async function richWorkbook(sample: string, options: RichOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.worksheets[0];
  ws.addImage(wb.addImage({ buffer: PNG, extension: "png" } as unknown as ExcelJS.Image), "L2:M4");
  ws.getCell("B2").note = "Số liệu đã đối chiếu với Cục Thống kê";
  ws.getCell("L10").dataValidation = { type: "list", allowBlank: true, formulae: ['"Đạt,Không đạt"'] };
  wb.definedNames.add(`'${ws.name}'!$F$8`, "ThuNganSach");
  if (options.template) addTemplate(wb);
  wb.addWorksheet("Biểu đồ");
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());

  // The chart, on the last sheet: its drawing, the drawing's relationship, the sheet's.
  const chartSheet = `xl/worksheets/sheet${wb.worksheets.length}.xml`;
  const sheetXml = (await zip.file(chartSheet)?.async("string")) as string;
  zip.file(chartSheet, sheetXml.replace("</worksheet>", `<drawing r:id="rIdChart"/></worksheet>`));
  zip.file(
    `xl/worksheets/_rels/sheet${wb.worksheets.length}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rIdChart" Type="${REL}/drawing" Target="../drawings/drawing9.xml"/></Relationships>`,
  );
  zip.file("xl/drawings/drawing9.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file("xl/charts/chart1.xml", CHART);

  // The add-in's settings, custom XML and custom properties, hung off the package and workbook.
  zip.file("xl/webextensions/webextension1.xml", WEBEXTENSION);
  zip.file("xl/webextensions/taskpanes.xml", TASKPANES);
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  zip.file("customXml/item1.xml", `<?xml version="1.0" encoding="UTF-8"?><hoso xmlns="urn:so-tai-chinh:ho-so"><so>125/BC-UBND</so></hoso>`);
  zip.file(
    "customXml/itemProps1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  zip.file(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Đơn vị"><vt:lpwstr>Sở Kế hoạch và Đầu tư</vt:lpwstr></property></Properties>`,
  );
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="F8" i="1"/></calcChain>`,
  );

  // Relationships added to the package's and the workbook's own, as Excel lists them.
  const relate = async (part: string, rels: string[]) => {
    const xml = (await zip.file(part)?.async("string")) as string;
    zip.file(part, xml.replace("</Relationships>", `${rels.join("")}</Relationships>`));
  };
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  await relate("_rels/.rels", [
    rel("rIdTp", "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", "xl/webextensions/taskpanes.xml"),
    rel("rIdCp", `${REL}/custom-properties`, "docProps/custom.xml"),
  ]);
  await relate("xl/_rels/workbook.xml.rels", [
    rel("rIdCx", `${REL}/customXml`, "../customXml/item1.xml"),
    rel("rIdCc", `${REL}/calcChain`, "calcChain.xml"),
    ...(options.macro ? [rel("rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")] : []),
  ]);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  types = types.replace(
    "</Types>",
    override("/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") +
      override("/xl/drawings/drawing9.xml", "application/vnd.openxmlformats-officedocument.drawing+xml") +
      override("/xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml") +
      override("/xl/webextensions/taskpanes.xml", "application/vnd.ms-office.webextensiontaskpanes+xml") +
      override("/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml") +
      override("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml") +
      override("/xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml") +
      "</Types>",
  );
  if (options.macro) {
    // A VBA project's bytes are opaque to every tool but Office: any bytes show whether they survive.
    zip.file("xl/vbaProject.bin", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    types = types
      .replace(
        '<Default Extension="xml"',
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"`,
      )
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The workbook with the pane's saved ignores, as Office keeps them in the add-in's settings part. */
export async function withSavedIgnores(bytes: Buffer, ignores: object[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const value = JSON.stringify(ignores).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}"><we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:properties><we:property name="chitieu.ignores" value="${value}"/></we:properties></we:webextension>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
