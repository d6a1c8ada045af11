// What the task pane needs from wherever the workbook lives: Excel through Office.js, or a file
// opened in the browser (standalone mode). Components receive one of these and nothing else.

import type { EditPlan } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";

/** Fill colours of marked cells by severity, the same in Excel and in the standalone grid. */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;

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
  /** Calls back (debounced) when the user edits the workbook; returns how to stop. */
  onUserEdit?(callback: () => void): Promise<() => void>;
}

/** Something the host cannot do, explained for the official: what happened and what to do. */
export class HostError extends Error {
  constructor(
    readonly reason: string,
    readonly advice: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

/** The document setting the pane keeps its ignores under (read back from files by the xlsx host). */
export const IGNORES_SETTING = "chitieu.ignores";
