// What the task pane needs from wherever the workbook lives: Excel through Office.js, or a file
// opened in the browser (standalone mode). Components receive one of these and nothing else.

import type { EditPlan } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";

/** Fill colours of marked cells by severity, the same in Excel and in the standalone grid. */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** One mark per cell, of its most severe finding (a cell with a warning and a note is marked as a warning). */
export function cellMarks(findings: readonly Finding[]): Map<string, { sheet: string; cell: string; severity: Finding["severity"] }> {
  const marks = new Map<string, { sheet: string; cell: string; severity: Finding["severity"] }>();
  for (const { sheet, cell, severity } of findings) {
    const key = `${sheet}!${cell}`;
    const before = marks.get(key);
    if (!before || RANK[severity] < RANK[before.severity]) marks.set(key, { sheet, cell, severity });
  }
  return marks;
}

export interface WorkbookHost {
  kind: "excel" | "standalone";
  /** Every sheet of the workbook as the core reads it. */
  read(): Promise<WorkbookSnapshot>;
  /** Applies a plan: new sheets, and writes into existing sheets the user confirmed. */
  apply(plan: EditPlan): Promise<void>;
  /**
   * Takes the last apply back: the cells written get what they held before, the sheets added are
   * removed. Excel's Ctrl+Z cannot undo an add-in's writes; this can, once, until the next apply.
   * False when there is nothing to take back.
   */
  undo(): Promise<boolean>;
  /** Shows a cell: activates its sheet, selects and scrolls to it. */
  select(sheet: string, address: string): Promise<void>;
  /** Marks the cells of findings in the grid; removable with clearMarks, never touching the user's formats. */
  mark(findings: readonly Finding[]): Promise<void>;
  clearMarks(): Promise<void>;
  /** Ignored findings kept with the workbook. */
  loadIgnores(): Promise<Ignore[]>;
  saveIgnores(ignores: readonly Ignore[]): Promise<void>;
  /** The text of the cells the user selected (inside Excel), for the Lời văn tab. */
  selectedText?(): Promise<string>;
  /** Calls back (debounced) when the user edits the workbook; returns how to stop. */
  onUserEdit?(callback: () => void): Promise<() => void>;
}

/** Something the host cannot do, explained for the official: what happened and what to do, in each language. */
export class HostError extends Error {
  constructor(
    readonly reason: string,
    readonly advice: string,
    readonly reasonEn: string,
    readonly adviceEn: string,
  ) {
    super(reasonEn);
  }
}

/** The document setting the pane keeps its ignores under (read back from files by the xlsx host). */
export const IGNORES_SETTING = "chitieu.ignores";

/** The file is not a workbook chitieu can read, with the reader's reason in both languages. */
export class RefusedFile extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

/** A workbook file as read: its sheets and the ignores the pane saved in it inside Excel. */
export interface OpenedFile {
  snapshot: WorkbookSnapshot;
  ignores: Ignore[];
}
