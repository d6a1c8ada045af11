// What the pane's panels share: the workbook as last read and its check, the state of the findings
// view (kept across tabs), and the actions they may take. The panels get them as props; App owns
// the state and the host.

import type { FillResult } from "../core/fill";
import type { EditPlan } from "../core/fill/plan";
import type { Indicator } from "../core/model/indicator";
import type { PairOverride } from "../core/compare";
import type { EarlierFile, NarrativePreview, PaneAnalysis, PaneComparison, TemplateChoice, TextChecked } from "./analysis/protocol";
import type { Finding, Severity } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";

export interface Session {
  snapshot: WorkbookSnapshot;
  /** The check of the snapshot, with the findings the official ignored set aside (its indicators whole stay with the analyser). */
  analysis: PaneAnalysis;
  ignores: Ignore[];
}

/** How the official left the findings: the filter, the finding in hand, which list, how far down. */
export interface FindingsView {
  shown: Record<Severity, boolean>;
  /** The key (findingKey) of the finding last gone to. */
  current: string | null;
  list: "open" | "ignored";
  /** How many findings are drawn; more on request. */
  limit: number;
}

export const FIRST_VIEW: FindingsView = { shown: { error: true, warning: true, info: false }, current: null, list: "open", limit: 50 };

export const findingKey = (f: Pick<Finding, "rule" | "sheet" | "cell">): string => `${f.rule}|${f.sheet}|${f.cell}`;

export interface Actions {
  /** Runs an action with the progress indicator and errors in the pane's language. */
  busy<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  check(): Promise<void>;
  apply(plan: EditPlan): Promise<boolean>;
  select(finding: Pick<Finding, "sheet" | "cell">): Promise<void>;
  ignore(finding: Finding, reason: string, by?: string): Promise<void>;
  /** The report's sentences for the session (computed off the main thread). */
  narrative(session: Session, count: number): Promise<NarrativePreview>;
  /** Fills a template for the session (off the main thread); nothing is written yet. */
  fill(session: Session, template: TemplateChoice): Promise<FillResult>;
  /** One sheet's indicators whole (for its comparison columns). */
  sheetIndicators(session: Session, sheet: string): Promise<Indicator[]>;
  /** A draft narrative checked against the session's workbook, or alone. */
  checkText(session: Session | null, text: string): Promise<TextChecked>;
  /** The session's workbook against earlier reports the official chose, with the pairs set by hand. */
  compare(session: Session, earlier: EarlierFile[], pairs: PairOverride[]): Promise<PaneComparison>;
  /** Puts an ignored finding back among the open ones. */
  restore(ignore: Ignore): Promise<void>;
  notify(text: string): void;
}
