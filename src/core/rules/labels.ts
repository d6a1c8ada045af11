// Phrases several rules put into their messages: the figure a finding is about, a year of a
// series, a change up or down. Data like the rules' own messages, in both languages.

import { phrase, type Phrase } from "./message";
import { defineMessages } from "./record";

export const LABELS = defineMessages({
  actual: { vi: "thực hiện", en: "actual" },
  previous: { vi: "cùng kỳ", en: "same period" },
  plan: { vi: "kế hoạch", en: "plan" },
  statedPlanPercent: { vi: "so với kế hoạch", en: "plan percentage" },
  statedPrevious: { vi: "so với cùng kỳ", en: "same-period comparison" },
  year: { vi: "năm {year}", en: "{year}" },
  number: { vi: "{value:n}", en: "{value:n}" },
  rise: { vi: "tăng {value:n1}%", en: "up {value:n1}%" },
  fall: { vi: "giảm {value:n1}%", en: "down {value:n1}%" },
});

export type FigureLabel = "actual" | "previous" | "plan" | "statedPlanPercent" | "statedPrevious";

const FIGURE_LABELS = Object.fromEntries(
  (["actual", "previous", "plan", "statedPlanPercent", "statedPrevious"] as const).map((which) => [which, phrase(LABELS, which, {})]),
) as Record<FigureLabel, Phrase>;

/** "thực hiện", "cùng kỳ", "kế hoạch"…: the figure a finding is about (one phrase each, rules ask for them per indicator). */
export const figureLabel = (which: FigureLabel): Phrase => FIGURE_LABELS[which];

/** "năm 2019" / "2019". */
export const yearLabel = (year: number): Phrase => phrase(LABELS, "year", { year });

/** "tăng 6,2%" or "giảm 3%" (up to one decimal). */
export const changeLabel = (growth: number): Phrase => phrase(LABELS, growth >= 0 ? "rise" : "fall", { value: Math.abs(growth) });

/** A number in compact form in the message's language. */
export const numberLabel = (value: number): Phrase => phrase(LABELS, "number", { value });
