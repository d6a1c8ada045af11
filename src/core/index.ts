// The core's public surface: pure TypeScript, no Office, DOM or Node. The pipeline in the order it
// runs: the model, reading a workbook, the rules, one check composing them, then the narrative and
// the templates.
export * from "./model/snapshot";
export * from "./model/text";
export * from "./model/numbers";
export * from "./model/units";
export * from "./model/period";
export * from "./model/plan";
export * from "./model/catalogue";
export { DEFAULT_CATALOGUE } from "./model/catalogueData";
export * from "./model/compute";
export * from "./model/findings";
export * from "./model/errors";
export * from "./model/indicator";
export * from "./model/ignores";
export * from "./reading/layout";
export * from "./reading/rows";
export * from "./reading/workbook";
export * from "./rules";
export * from "./check";
export * from "./reading/claims";
export * from "./narrative/check";
export * from "./narrative/write";
export * from "./fill";
