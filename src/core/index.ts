// The core's public surface: pure TypeScript, no Office, DOM or Node.
export * from "./analyze";
export * from "./catalogue";
export { DEFAULT_CATALOGUE } from "./catalogueData";
export * from "./compute";
export * from "./errors";
export * from "./findings";
export * from "./layout";
export * from "./numbers";
export * from "./period";
export * from "./plan";
export * from "./rows";
export * from "./snapshot";
export * from "./text";
export * from "./units";
export * from "./narrative/check";
export * from "./narrative/claims";
export * from "./rules";
