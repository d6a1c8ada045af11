// The looks of the sheets chitieu generates: one set, so that every generated sheet reads alike.

import type { PlanStyle } from "./plan";

export const TITLE: PlanStyle = { bold: true, size: 13, horizontal: "center", vertical: "middle", wrap: true };
export const SUBTITLE: PlanStyle = { italic: true, size: 10, horizontal: "center", wrap: true };
export const HEADER: PlanStyle = { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: "DDEBF7" };
export const CELL: PlanStyle = { border: true, vertical: "middle" };
export const GROUP: PlanStyle = { ...CELL, bold: true, fill: "F2F2F2" };
/** The line that marks a generated sheet as chitieu's (ownSheets.markerText). */
export const MARKER: PlanStyle = { italic: true, size: 9, color: "808080", wrap: true };
