// What the pane and its analysis worker say to each other. The worker keeps the last workbook it
// read and its last check, so that checking again (another year), the narrative, the report, the
// comparison columns and the text check are asked for by number instead of copying the workbook
// back. The page holds each indicator as a row of what it shows (IndicatorRow); the worker keeps the
// indicators whole. Long lists cross in parts: each part is unpacked in its own task, so that the
// pane never stops answering while a large workbook arrives.

import type { CheckOptions, CheckResult } from "../../core/check";
import type { Comparison, PairOverride } from "../../core/compare";
import { narrativeText, type FillResult, type NarrativeItem } from "../../core/fill";
import type { EditPlan } from "../../core/fill/plan";
import type { TextFinding } from "../../core/model/findings";
import type { Analysis, Indicator } from "../../core/model/indicator";
import type { Ignore } from "../../core/model/ignores";
import type { WorkbookSnapshot } from "../../core/model/snapshot";

/** Options of a check that can cross to a worker (no callbacks). */
export type CheckSettings = Pick<CheckOptions, "reportYear" | "period" | "ignores">;

/** An indicator as the pane's table shows it. */
export type IndicatorRow = Pick<
  Indicator,
  "sheet" | "row" | "line" | "name" | "level" | "kind" | "planPercent" | "index" | "changePoints" | "evaluation"
>;

export function indicatorRow(i: Indicator): IndicatorRow {
  const { sheet, row, line, name, level, kind, planPercent, index, changePoints, evaluation } = i;
  return { sheet, row, line, name, level, kind, planPercent, index, changePoints, evaluation };
}

/** A check as the page holds it: every finding, each indicator as its row. */
export type PaneAnalysis = Omit<CheckResult, "indicators"> & { indicators: IndicatorRow[] };

/** A text checked against the workbook: how many statements with figures, and the findings. */
export interface TextChecked {
  claims: number;
  findings: TextFinding[];
}

/**
 * The report's narrative as the page holds it: the first sentences for the preview, how many there
 * are, how many indicators were withheld for errors, and the whole text to copy (one string).
 */
export interface NarrativePreview {
  items: NarrativeItem[];
  total: number;
  withheld: number;
  text: string;
}

export function narrativePreview(items: readonly NarrativeItem[], count: number): NarrativePreview {
  return {
    items: items.slice(0, count),
    total: items.length,
    withheld: items.filter((i) => i.kind === "error").length,
    text: narrativeText(items),
  };
}

/** An earlier report the official chose to compare with: its file's name and bytes. */
export interface EarlierFile {
  name: string;
  bytes: Uint8Array;
}

/** An indicator of an earlier report, as the pane offers it to pair by hand. */
export interface EarlierIndicator {
  sheet: string;
  row: number;
  line: number;
  name: string;
  unit: string;
}

/** A comparison, with each earlier report's indicators (in the order of `earlier`). */
export type PaneComparison = Comparison & { indicators: EarlierIndicator[][] };

/** A built-in template by its id, or a template sheet of the workbook by its name. */
export type TemplateChoice = { builtIn: string } | { sheet: string };

export type Request =
  | { id: number; op: "read"; bytes: Uint8Array }
  | { id: number; op: "check"; workbook: number | WorkbookSnapshot; settings: CheckSettings }
  /** The first `count` sentences, and the whole text to copy. */
  | { id: number; op: "narrative"; check: number; count: number }
  /** `cells`: whether the page needs the plan's cells (Excel writes them; outside Excel the worker does). */
  | { id: number; op: "fill"; check: number; template: TemplateChoice; cells: boolean }
  /** One sheet's indicators whole (for its comparison columns). */
  | { id: number; op: "indicators"; check: number; sheet: string }
  | { id: number; op: "text"; check: number; text: string }
  /** The check (of the workbook named `file`) against earlier reports, with the pairs set by hand. */
  | { id: number; op: "compare"; check: number; file: string; earlier: EarlierFile[]; pairs: PairOverride[] }
  /** A plan the worker filled is named by the number of its fill, and not sent back. */
  | { id: number; op: "write"; bytes: Uint8Array; plan: number | EditPlan; before?: number };

/** A request before it is numbered. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

/** In the `sheets` of a write's reply: a sheet the plan left as it was, the page's own at that index before. */
export interface KeptSheet {
  kept: number;
}

/**
 * The lists that cross in parts, and how many items a part holds: `sheets` (each without its rows, or KeptSheet),
 * `values.2` and `formats.2` (the rows of the third sheet), `cells.2` (the cells of a plan's third sheet).
 */
export type PartKey =
  "sheets" | "rows" | "indicators" | "findings" | "items" | `values.${number}` | `formats.${number}` | `cells.${number}`;
export const PART_SIZE = 500;

export type Reply =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "part"; key: PartKey; items: unknown[] }
  /** The sheets and their rows came in parts; `workbook` is how the worker knows this snapshot from now on. */
  | { id: number; type: "read"; ignores: Ignore[]; workbook: number; bytes?: Uint8Array }
  /** Rows and findings came in parts; `check` is how the worker knows this check. */
  | { id: number; type: "checked"; result: Omit<Analysis, "indicators" | "findings">; check: number }
  /** The narrative's first sentences came in parts. */
  | { id: number; type: "narrated"; total: number; withheld: number; text: string }
  /** A plan's cells came in parts, sheet by sheet; `fill` is how the worker knows the plan. */
  | { id: number; type: "filled"; result: FillResult; fill: number }
  /** A sheet's indicators came in parts. */
  | { id: number; type: "indicators" }
  | { id: number; type: "text"; result: TextChecked }
  | { id: number; type: "compared"; result: PaneComparison }
  /** An earlier report that cannot be compared with, and why. */
  | { id: number; type: "unusable"; file: string; reason: string; reasonEn: string }
  /** The worker no longer holds what was named (it was restarted): the pane sends it again. */
  | { id: number; type: "gone" }
  | { id: number; type: "refused"; reason: string; reasonEn: string }
  | { id: number; type: "failed"; message: string };
