// The placeholder language of user templates, parsed without looking at any workbook:
//   {{Giá trị sản xuất công nghiệp | actual}}        an indicator by name, alias or catalogue code
//   {{'Biểu 01'!GTSX CN | planPercent | 0.0}}        on a given sheet, with a number format
//   {{each Kinh tế}}  {{each *}}                      this row repeats for every indicator of a group
//   {{@ | name}}  {{@ | growthPercent | 0.0}}         the indicator of the repeated row
//   {{year}}  {{period}}  {{summary}}                 the report year, the period, the summary sentence

import { CLOSE, OPEN } from "../model/ownSheets";
import { address as a1, type SheetSnapshot } from "../model/snapshot";

export const FIELDS = [
  "name",
  "unit",
  "order",
  "actual",
  "plan",
  "previous",
  "planPercent",
  "index",
  "growthPercent",
  "changePoints",
  "evaluation",
  "sentence",
] as const;
export type Field = (typeof FIELDS)[number];
export const GLOBALS = ["year", "period", "summary"] as const;
export type Global = (typeof GLOBALS)[number];

export type Placeholder =
  | { type: "value"; indicator: string; sheet: string | null; field: Field; format: string | null }
  | { type: "global"; name: Global }
  | { type: "each"; group: string };

export interface TemplateProblem {
  cell: string;
  id:
    | "unclosed-placeholder"
    | "empty-placeholder"
    | "unknown-field"
    | "unknown-indicator"
    | "ambiguous-indicator"
    | "unknown-group"
    | "loop-outside-row"
    | "two-loops-in-row"
    | "row-indicator-outside-loop";
  message: string;
  messageEn: string;
}

export interface TemplateCell {
  /** 0-based. */
  row: number;
  col: number;
  text: string;
  placeholders: Array<{ start: number; end: number; placeholder: Placeholder }>;
}

function parseOne(body: string): Placeholder | string {
  const text = body.trim();
  if (text === "") return "empty";
  const each = /^(each|lặp|lap)\s+(.+)$/i.exec(text);
  if (each) return { type: "each", group: each[2].trim() };
  if ((GLOBALS as readonly string[]).includes(text)) return { type: "global", name: text as Global };
  const parts = text.split("|").map((p) => p.trim());
  const [reference, field, ...rest] = parts;
  if (!field || !(FIELDS as readonly string[]).includes(field)) return `field:${field ?? ""}`;
  const onSheet = /^'((?:[^']|'')+)'!(.+)$|^([^'!]+)!(.+)$/.exec(reference);
  const sheet = onSheet ? (onSheet[1] ?? onSheet[3]).replace(/''/g, "'") : null;
  const indicator = onSheet ? (onSheet[2] ?? onSheet[4]).trim() : reference;
  return { type: "value", indicator, sheet, field: field as Field, format: rest.length > 0 ? rest.join("|") : null };
}

/** Every placeholder of a template sheet, and every problem in writing them, by cell. */
export function parseTemplateSheet(sheet: SheetSnapshot): { cells: TemplateCell[]; problems: TemplateProblem[] } {
  const cells: TemplateCell[] = [];
  const problems: TemplateProblem[] = [];
  sheet.values.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (typeof v !== "string" || !v.includes(OPEN)) return;
      const cell = a1(r, c);
      const found: TemplateCell["placeholders"] = [];
      let at = v.indexOf(OPEN);
      while (at >= 0) {
        const end = v.indexOf(CLOSE, at + 2);
        const nextOpen = v.indexOf(OPEN, at + 2);
        if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
          problems.push({
            cell,
            id: "unclosed-placeholder",
            message: `Ô ${cell}: "${v.slice(at, at + 30)}…" mở bằng {{ nhưng không đóng bằng }}`,
            messageEn: `Cell ${cell}: a placeholder opened with {{ is never closed`,
          });
          at = nextOpen;
          continue;
        }
        const parsed = parseOne(v.slice(at + 2, end));
        if (typeof parsed === "string") {
          if (parsed === "empty")
            problems.push({
              cell,
              id: "empty-placeholder",
              message: `Ô ${cell}: ô mẫu {{}} trống`,
              messageEn: `Cell ${cell}: empty placeholder`,
            });
          else
            problems.push({
              cell,
              id: "unknown-field",
              message: `Ô ${cell}: trường "${parsed.slice(6)}" không có; dùng một trong: ${FIELDS.join(", ")}`,
              messageEn: `Cell ${cell}: unknown field "${parsed.slice(6)}"; use one of ${FIELDS.join(", ")}`,
            });
        } else {
          found.push({ start: at, end: end + 2, placeholder: parsed });
        }
        at = v.indexOf(OPEN, end + 2);
      }
      if (found.length > 0) cells.push({ row: r, col: c, text: v, placeholders: found });
    });
  });
  // Loops: at most one per row, and the row indicator "@" only in a repeated row.
  const loopRows = new Map<number, string>();
  for (const cell of cells) {
    for (const { placeholder } of cell.placeholders) {
      if (placeholder.type !== "each") continue;
      if (loopRows.has(cell.row))
        problems.push({
          cell: a1(cell.row, cell.col),
          id: "two-loops-in-row",
          message: `Ô ${a1(cell.row, cell.col)}: một dòng chỉ lặp theo một nhóm`,
          messageEn: "one loop per row",
        });
      else loopRows.set(cell.row, placeholder.group);
      if (alonePlaceholder(cell) === null) {
        problems.push({
          cell: a1(cell.row, cell.col),
          id: "loop-outside-row",
          message: `Ô ${a1(cell.row, cell.col)}: {{each …}} phải đứng riêng một ô (ô này sẽ ghi số thứ tự)`,
          messageEn: "{{each …}} must be alone in its cell (it becomes the row number)",
        });
      }
    }
  }
  for (const cell of cells) {
    for (const { placeholder } of cell.placeholders) {
      if (placeholder.type === "value" && placeholder.indicator === "@" && !loopRows.has(cell.row)) {
        problems.push({
          cell: a1(cell.row, cell.col),
          id: "row-indicator-outside-loop",
          message: `Ô ${a1(cell.row, cell.col)}: "@" chỉ dùng trong dòng có {{each …}}`,
          messageEn: '"@" only works in a row with {{each …}}',
        });
      }
    }
  }
  return { cells, problems };
}

/** The placeholder that fills its whole cell (spaces aside), or null when the cell holds more. */
export function alonePlaceholder(cell: TemplateCell): Placeholder | null {
  const [first] = cell.placeholders;
  return cell.placeholders.length === 1 && cell.text.trim() === cell.text.slice(first.start, first.end) ? first.placeholder : null;
}
