// What the pane and its analysis worker say to each other. The worker keeps the last workbook it
// read and its last check, so that checking again (another year), the narrative and the report are
// asked for by number instead of copying the workbook back. Long lists cross in parts: each part
// is unpacked in its own task, so that the pane never stops answering while a large workbook arrives.

import type { CheckOptions } from "../../core/check";
import type { FillResult } from "../../core/fill";
import type { EditPlan } from "../../core/fill/plan";
import type { Analysis } from "../../core/model/indicator";
import type { Ignore } from "../../core/model/ignores";
import type { WorkbookSnapshot } from "../../core/model/snapshot";

/** Options of a check that can cross to a worker (no callbacks). */
export type CheckSettings = Pick<CheckOptions, "reportYear" | "period" | "ignores">;

/** A built-in template by its id, or a template sheet of the workbook by its name. */
export type TemplateChoice = { builtIn: string } | { sheet: string };

export type Request =
  | { id: number; op: "read"; bytes: Uint8Array }
  | { id: number; op: "check"; workbook: number | WorkbookSnapshot; settings: CheckSettings }
  | { id: number; op: "narrative"; check: number }
  | { id: number; op: "fill"; check: number; template: TemplateChoice }
  /** A plan the worker filled is named by the number of its fill, and not sent back. */
  | { id: number; op: "write"; bytes: Uint8Array; plan: number | EditPlan };

/** A request before it is numbered. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

/** The lists that cross in parts (`cells.2`: the cells of a plan's third sheet), and how many items a part holds. */
export type PartKey = "sheets" | "indicators" | "findings" | "items" | `cells.${number}`;
export const PART_SIZE = 500;

export type Reply =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "part"; key: PartKey; items: unknown[] }
  /** The sheets came in parts; `workbook` is how the worker knows this snapshot from now on. */
  | { id: number; type: "read"; ignores: Ignore[]; workbook: number; bytes?: Uint8Array }
  /** Indicators and findings came in parts; `check` is how the worker knows this check. */
  | { id: number; type: "checked"; result: Omit<Analysis, "indicators" | "findings">; check: number }
  /** The narrative came in parts. */
  | { id: number; type: "narrated" }
  /** A plan's cells came in parts, sheet by sheet; `fill` is how the worker knows the plan. */
  | { id: number; type: "filled"; result: FillResult; fill: number }
  | { id: number; type: "refused"; reason: string; reasonEn: string }
  | { id: number; type: "failed"; message: string };
