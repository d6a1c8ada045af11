// What the pane's panels share: the workbook as last read and its check, and the actions they may
// take. The panels get both as props; App owns the state and the host.

import type { CheckResult } from "../core/check";
import type { EditPlan } from "../core/fill/plan";
import type { Finding } from "../core/model/findings";
import type { Ignore } from "../core/model/ignores";
import type { WorkbookSnapshot } from "../core/model/snapshot";

export interface Session {
  snapshot: WorkbookSnapshot;
  /** The check of the snapshot, with the findings the official ignored set aside. */
  analysis: CheckResult;
  ignores: Ignore[];
}

export interface Actions {
  /** Runs an action with the progress indicator and Vietnamese errors. */
  busy<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  check(): Promise<void>;
  apply(plan: EditPlan): Promise<boolean>;
  select(finding: Pick<Finding, "sheet" | "cell">): Promise<void>;
  ignore(finding: Finding, reason: string): Promise<void>;
  notify(text: string): void;
}
