// Standalone mode: the pane outside Office works on an .xlsx file the user opens in the browser,
// through the same xlsx host as the command line (reader and package writer loaded only when
// needed). The result is downloaded; selections and marks live in the pane's own read-only grid.

import type { EditPlan } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { HostError, type WorkbookHost } from "./host";

export interface GridState {
  snapshot: WorkbookSnapshot | null;
  selection: { sheet: string; address: string } | null;
  marks: ReadonlyMap<string, Finding["severity"]>;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version: number;
}

// The reader is small; the package writer is loaded only when the workbook is changed.
const reader = () => import("./xlsx/readWorkbook");
const writer = () => import("./xlsx/applyPlan");
const settings = () => import("./xlsx/settings");

export class StandaloneHost implements WorkbookHost {
  readonly kind = "standalone" as const;
  private bytes: Uint8Array | null = null;
  /** The file before the last apply, for undo. */
  private before: Uint8Array | null = null;
  private fileName = "bang-tinh.xlsx";
  private ignores: Ignore[] = [];
  private listeners = new Set<() => void>();
  private state: GridState = { snapshot: null, selection: null, marks: new Map(), version: 0 };

  private update(patch: Partial<GridState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): GridState => this.state;

  get name(): string {
    return this.fileName;
  }

  /** Opens a file chosen by the user; refuses what is not a usable .xlsx with the reason. */
  async open(name: string, bytes: Uint8Array): Promise<WorkbookSnapshot> {
    const [{ readWorkbook, WorkbookInputError }, { readSavedIgnores }] = await Promise.all([reader(), settings()]);
    try {
      const snapshot = await readWorkbook(bytes);
      this.bytes = bytes;
      this.before = null;
      this.fileName = name;
      // What the official set aside in the pane inside Excel comes along with the file.
      this.ignores = await readSavedIgnores(bytes);
      this.update({ snapshot, selection: null, marks: new Map() });
      return snapshot;
    } catch (error) {
      if (error instanceof WorkbookInputError)
        throw new HostError(`Không mở được "${name}": ${error.reason}.`, "Hãy chọn một tệp .xlsx khác.", error.reasonEn);
      throw error;
    }
  }

  async read(): Promise<WorkbookSnapshot> {
    if (!this.state.snapshot) throw new HostError("Chưa mở bảng tính nào.", "Hãy chọn một tệp .xlsx.", "No workbook is open.");
    return this.state.snapshot;
  }

  async apply(plan: EditPlan): Promise<void> {
    if (!this.bytes) throw new HostError("Chưa mở bảng tính nào.", "Hãy chọn một tệp .xlsx.", "No workbook is open.");
    const [{ readWorkbook }, { applyPlanToBytes }] = await Promise.all([reader(), writer()]);
    const before = this.bytes;
    this.bytes = await applyPlanToBytes(this.bytes, plan);
    this.before = before;
    this.update({ snapshot: await readWorkbook(this.bytes) });
  }

  /** The file as it was before the last apply, byte for byte. */
  async undo(): Promise<boolean> {
    if (!this.before) return false;
    const { readWorkbook } = await reader();
    this.bytes = this.before;
    this.before = null;
    this.update({ snapshot: await readWorkbook(this.bytes) });
    return true;
  }

  /** The workbook as it now stands, for download. */
  result(): { name: string; bytes: Uint8Array } | null {
    return this.bytes
      ? { name: this.fileName.replace(/(\.xls[xm])?$/i, (extension) => `-chitieu${extension || ".xlsx"}`), bytes: this.bytes }
      : null;
  }

  async select(sheet: string, address: string): Promise<void> {
    this.update({ selection: { sheet, address } });
  }

  async mark(findings: readonly Finding[]): Promise<void> {
    this.update({ marks: new Map(findings.map((f) => [`${f.sheet}!${f.cell}`, f.severity] as const)) });
  }

  async clearMarks(): Promise<void> {
    this.update({ marks: new Map() });
  }

  /**
   * Outside Excel, the ignores saved in the file (by the pane inside Excel) are read when it is
   * opened; those set here last as long as the file stays open in the pane.
   */
  async loadIgnores(): Promise<Ignore[]> {
    return [...this.ignores];
  }

  async saveIgnores(ignores: readonly Ignore[]): Promise<void> {
    this.ignores = [...ignores];
  }
}
