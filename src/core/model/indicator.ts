// The domain model: what reading an indicator sheet yields and what the rules, the narrative and
// the templates work on. Types only; the pipeline reads as it runs: model → reading → rules →
// fill and narrative, and nothing here imports a later stage.

import type { Direction, IndicatorKind, Measure } from "./catalogue";
import type { Computed } from "./compute";
import type { Finding } from "./findings";
import type { NumberStyle } from "./numbers";
import type { Period } from "./period";
import type { PlanTarget } from "./plan";
import type { SheetSnapshot } from "./snapshot";

/** "Trong đó" opens a partial breakdown of the row above; "Chia ra" / "Bao gồm" an exhaustive one. */
export type Breakdown = "partial" | "exhaustive";

/** Where the report year came from: the user, a title, the headers or the sheet's name. */
export type YearSource = "option" | "title" | "header" | "sheet-name" | null;

export type ColumnRole =
  | "order"
  | "indicator"
  | "unit"
  | "plan"
  /** A plan column that is not the comparison plan: next year's, a five-year target, another basis. */
  | "otherPlan"
  | "actual"
  /** An estimate for the whole year in a report on part of it ("Ước TH cả năm"). */
  | "yearEstimate"
  | "previous"
  /** Figures of other years or periods, kept for reference. */
  | "history"
  | "statedPlanPercent"
  | "statedPrevious"
  | "statedComparison"
  | "evaluation"
  | "notes"
  | "unknown";

export interface ColumnInfo {
  col: number;
  /** Column letters, for reports. */
  letter: string;
  /** The header text, parent group first ("So sánh (%) Với KH"). */
  header: string;
  role: ColumnRole;
  /** The year the header dates its figures to, if any. */
  year: number | null;
  period: Period | null;
  /** For a stated comparison with the previous year: the index form (106,0) or growth (6,0). */
  form?: "index" | "growth";
  /** A1 address of the header cell that names the column (the lowest header row with text). */
  headerCell: string;
}

export interface StatedFigures {
  /** The TH/KH percentage written in the sheet. */
  planPercent: number | null;
  /** The comparison with the same period written in the sheet (index 106,0 or growth 6,0). */
  previousComparison: number | null;
  previousForm: "index" | "growth" | null;
  /** The evaluation written in the sheet. */
  evaluation: string | null;
}

/** One year's figure of an indicator in a table of years ("2018 | 2019 | … | Sơ bộ 2023"). */
export interface SeriesPoint {
  year: number;
  /** The column's header as written ("Sơ bộ 2023"). */
  header: string;
  value: number | null;
  /** A1 address of the figure. */
  cell: string;
  /** A preliminary figure ("Sơ bộ", "Ước tính"). */
  provisional: boolean;
  /** "0" or "0.00" standing for a missing figure between real ones: read as missing. */
  placeholder: boolean;
}

export interface Indicator extends Computed {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /** 0-based line inside the row's cells when several indicators are stacked in one row ("7,6\n10,4"); else 0. */
  line: number;
  order: string;
  name: string;
  unit: string;
  /** Name of the group row it falls under ("Kinh tế"). */
  group: string | null;
  level: number;
  /** 1-based row of the indicator it is a component of (and its line, for stacked rows). */
  parentRow: number | null;
  parentLine: number;
  breakdown: Breakdown | null;
  /** Which breakdown of its parent it belongs to (1, 2, …): "Phân theo khu vực", then "Phân theo giới tính". */
  breakdownBlock: number | null;
  /** A component found because the rows under a total add up to it, with no marker saying so. */
  breakdownInferred: boolean;
  kind: IndicatorKind;
  measure: Measure | null;
  direction: Direction;
  catalogueId: string | null;
  plan: number | null;
  planText: string | null;
  planTarget: PlanTarget | null;
  actual: number | null;
  actualText: string | null;
  /** The actual as written when it is a range or a bound ("61-62", "Trên 4", ">2.300", "Khoảng 24"). */
  actualTarget: PlanTarget | null;
  previous: number | null;
  previousTarget: PlanTarget | null;
  /** Words written beside a figure and kept: "(tăng 15%)", "(còn 4,17%)". */
  notes: string[];
  /** Every year's figure, in column order, when the table is a series of years; else null. */
  series: SeriesPoint[] | null;
  stated: StatedFigures;
  /** A1 addresses of the figures read. */
  cells: {
    name: string;
    /** The unit's cell: in the unit column, or the name's cell when units are written in names. */
    unit: string;
    plan: string | null;
    actual: string | null;
    previous: string | null;
    statedPlanPercent: string | null;
    statedPrevious: string | null;
    evaluation: string | null;
  };
  /** Addresses of figures that were typed as text and read as numbers. */
  textNumbers: readonly string[];
}

export type SheetStatus = "indicators" | "skipped";

export interface SheetReport {
  name: string;
  status: SheetStatus;
  /** Why the sheet was skipped, in Vietnamese and English. */
  reason?: string;
  reasonEn?: string;
  reportYear?: number | null;
  yearSource?: YearSource;
  period?: Period | null;
  title?: string;
  /** 1-based rows. */
  headerRows?: number[];
  numberRow?: number | null;
  dataStartRow?: number;
  columns?: Array<Pick<ColumnInfo, "letter" | "header" | "role" | "year">>;
  numberStyle?: NumberStyle;
  /** "columns" for a table laid across (years down, indicators along the top), read turned: its indicators' row is their column's 1-based number. */
  orientation?: "columns";
  indicatorCount?: number;
}

export interface Analysis {
  reportYear: number | null;
  reportYearSource: YearSource;
  sheets: SheetReport[];
  indicators: Indicator[];
  findings: Finding[];
}

/** An indicator sheet as the rules see it: the sheet, its columns and title, and its indicators. */
export interface IndicatorSheet {
  sheet: SheetSnapshot;
  reportYear: number | null;
  period: Period | null;
  titleCells: Array<{ cell: string; text: string }>;
  columns: ColumnInfo[];
  indicators: Indicator[];
}

/** What reading a workbook yields, before any rule runs. */
export interface WorkbookReading {
  reportYear: number | null;
  reportYearSource: YearSource;
  sheets: SheetReport[];
  /** The indicator sheets, in workbook order. */
  tables: IndicatorSheet[];
  indicators: Indicator[];
  /** What reading itself found: how ambiguous number texts were read. */
  findings: Finding[];
}
