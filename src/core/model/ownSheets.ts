// The sheets chitieu itself makes or reads as templates, told apart from the official's data: a
// generated sheet ends with a marker line naming its template and name; a template sheet holds
// {{…}} placeholders. Reading leaves both out (reading them again would count every indicator
// twice); filling replaces only a sheet it made.

import type { SheetSnapshot } from "./snapshot";

const MARKER = /\[chitieu:([a-z0-9-]+)\|([^\]]+)\]\s*$/;

/** The marker line written at the foot of a generated sheet. */
export function markerText(templateId: string, sheetName: string): string {
  return `Trang do chitieu tạo tự động từ mẫu "${templateId}"; tạo lại sẽ thay thế trang này, hãy sửa số liệu ở các biểu nguồn. [chitieu:${templateId}|${sheetName}]`;
}

/** The template and name a generated sheet records in column A, searching up from the bottom. */
export function readMarker(sheet: SheetSnapshot): { templateId: string; name: string } | null {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    const first = sheet.values[r]?.[0];
    if (typeof first !== "string") continue;
    const m = MARKER.exec(first);
    if (m) return { templateId: m[1], name: m[2] };
  }
  return null;
}

/** A sheet chitieu generated and the user has not renamed since. */
export function isGeneratedSheet(sheet: SheetSnapshot): boolean {
  return readMarker(sheet)?.name === sheet.name;
}

/** The marks around a placeholder. */
export const OPEN = "{{";
export const CLOSE = "}}";

export function isTemplateSheet(sheet: SheetSnapshot): boolean {
  // Indexed loops: every cell of every sheet passes here, before the engine has optimized anything.
  const { values } = sheet;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes(OPEN) && v.includes(CLOSE, v.indexOf(OPEN))) return true;
    }
  }
  return false;
}
