// Standalone mode: the pane outside Office works on an .xlsx file the user opens in the browser,
// through the same xlsx host as the command line (reader and package writer loaded only when
// needed). The result is downloaded; selections and marks live in the pane's own read-only grid.

import type { EditPlan } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { cellMarks, HostError, RefusedFile, type OpenedFile, type WorkbookHost } from "./host";

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

/** Applies a plan to a file in the page itself and reads the result (the pane's worker does the same off the main thread). */
export async function writeFileInPage(bytes: Uint8Array, plan: EditPlan): Promise<OpenedFile & { bytes: Uint8Array }> {
  const { applyPlanToBytes } = await writer();
  const written = await applyPlanToBytes(bytes, plan);
  return { ...(await readFileInPage(written)), bytes: written };
}

/** Reads a file in the page itself (the pane's worker does the same off the main thread). */
export async function readFileInPage(bytes: Uint8Array): Promise<OpenedFile> {
  const [{ WorkbookInputError }, { readWorkbookWithIgnores }] = await Promise.all([reader(), settings()]);
  try {
    return await readWorkbookWithIgnores(bytes);
  } catch (error) {
    if (error instanceof WorkbookInputError) throw new RefusedFile(error.reason, error.reasonEn);
    throw error;
  }
}

const NOTHING_OPEN = () =>
  new HostError("Chưa mở bảng tính nào.", "Hãy chọn một tệp .xlsx.", "No workbook is open.", "Choose an .xlsx file.");

export class StandaloneHost implements WorkbookHost {
  readonly kind = "standalone" as const;
  private bytes: Uint8Array | null = null;
  /** The file before the last apply, for undo. */
  private before: Uint8Array | null = null;
  private fileName = "bang-tinh.xlsx";
  private ignores: Ignore[] = [];
  private listeners = new Set<() => void>();
  private state: GridState = { snapshot: null, selection: null, marks: new Map(), version: 0 };

  /**
   * `readFile` reads a workbook's bytes, `writeFile` applies a plan to them and reads the result:
   * in the page by default, in a worker when the pane has one.
   */
  constructor(
    private readonly readFile: (bytes: Uint8Array) => Promise<OpenedFile> = readFileInPage,
    private readonly writeFile: (
      bytes: Uint8Array,
      plan: EditPlan,
      before: WorkbookSnapshot | null,
    ) => Promise<OpenedFile & { bytes: Uint8Array }> = writeFileInPage,
  ) {}

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
    try {
      const { snapshot, ignores } = await this.readFile(bytes);
      this.bytes = bytes;
      this.before = null;
      this.fileName = name;
      // What the official set aside in the pane inside Excel comes along with the file.
      this.ignores = ignores;
      this.update({ snapshot, selection: null, marks: new Map() });
      return snapshot;
    } catch (error) {
      if (error instanceof RefusedFile)
        throw new HostError(
          `Không mở được "${name}": ${error.reason}.`,
          "Hãy chọn một tệp .xlsx khác.",
          `Cannot open "${name}": ${error.reasonEn}.`,
          "Choose another .xlsx file.",
        );
      throw error;
    }
  }

  async read(): Promise<WorkbookSnapshot> {
    if (!this.state.snapshot) throw NOTHING_OPEN();
    return this.state.snapshot;
  }

  async apply(plan: EditPlan): Promise<void> {
    if (!this.bytes) throw NOTHING_OPEN();
    const before = this.bytes;
    const written = await this.writeFile(this.bytes, plan, this.state.snapshot);
    this.bytes = written.bytes;
    this.before = before;
    this.update({ snapshot: written.snapshot });
  }

  /** The file as it was before the last apply, byte for byte. */
  async undo(): Promise<boolean> {
    if (!this.before) return false;
    this.bytes = this.before;
    this.before = null;
    this.update({ snapshot: (await this.readFile(this.bytes)).snapshot });
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
    this.update({ marks: new Map([...cellMarks(findings)].map(([key, mark]) => [key, mark.severity] as const)) });
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
