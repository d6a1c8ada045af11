// What a rule of the text sees: the report's text (as written and folded, offset for offset), its
// claims in order and grouped by sentence and paragraph, the report year, the catalogue, and the
// analysed workbook when there is one. A text rule is a record (record.ts) and one small pure
// check of this context; its findings are built from the record's messages by `reportText`.

import type { CatalogueMatcher, IndicatorKind, Measure } from "../model/catalogue";
import type { Severity, TextFinding } from "../model/findings";
import type { Analysis } from "../model/indicator";
import { fold, type TextPlaces } from "../model/text";
import type { Claim } from "../reading/claims";
import type { RuleConfig } from "./config";
import { renderMessage, type MessageKey, type ParamsOf } from "./message";
import type { OptionValueOf, RuleRecord, SeverityOf } from "./record";

/** What a claim is about, as far as the rules need: the kind of indicator and its measure. */
export interface SubjectProfile {
  kind: IndicatorKind;
  measure: Measure | null;
}

export interface TextContext {
  /** The text in composed Unicode, and folded offset for offset (foldKeepingOffsets). */
  text: string;
  folded: string;
  places: TextPlaces;
  /** Every claim, in the order of the text. */
  claims: readonly Claim[];
  /** The claims of each sentence and of each paragraph, in order; sentences and paragraphs with none left out. */
  sentences: ReadonlyArray<readonly Claim[]>;
  paragraphs: ReadonlyArray<readonly Claim[]>;
  reportYear: number | null;
  matcher: CatalogueMatcher;
  analysis: Analysis | null;
  config: RuleConfig;
  /** Whether a rule is on in the configuration (a check may report under another rule's record). */
  enabled(rule: RuleRecord): boolean;
  /** One option of a rule's record, as configured. */
  option<R extends RuleRecord, K extends keyof R["options"] & string>(rule: R, key: K): OptionValueOf<R["options"][K]>;
  /** The kind and measure of what a claim is about. */
  profile(claim: Claim): SubjectProfile;
}

/** A rule's check of a text. The record may be shared with a check of sheets (scope "both"). */
export interface TextRule {
  readonly rule: RuleRecord;
  check(ctx: TextContext): TextFinding[];
}

export function textRule(rule: RuleRecord, check: (ctx: TextContext) => TextFinding[]): TextRule {
  return { rule, check };
}

/** Where a finding in the text points: a claim, or a span of the text; and what it carries. */
export interface TextAt<R extends RuleRecord> {
  claim?: Claim;
  /** A span of the text when no claim is meant (a year, a word). */
  offset?: number;
  length?: number;
  /** The words to show, when not the claim's or those around the span. */
  excerpt?: string;
  /** The workbook cell the finding compares the text with. */
  workbookCell?: { sheet: string; cell: string };
  severity?: SeverityOf<R>;
  expected?: number | null;
  actual?: number | null;
}

/** The words around a span, cut at word boundaries (looked for nearby only), on one line. */
export function excerptAround(text: string, offset: number, length: number): string {
  const from = Math.max(0, offset - 60);
  const start = from + text.slice(from, Math.max(0, offset - 25)).lastIndexOf(" ") + 1;
  const end = Math.min(text.length, offset + length + 1);
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

/** A finding of a text rule: one of its record's messages with its parameters, at a claim or a span. */
export function reportText<R extends RuleRecord, K extends MessageKey<R>>(
  ctx: TextContext,
  rule: R,
  key: K,
  params: ParamsOf<R["messages"][K]>,
  at: TextAt<R>,
): TextFinding {
  const { message, messageEn } = renderMessage(rule, key, params);
  const offset = at.claim?.offset ?? at.offset ?? 0;
  const place = at.claim ?? ctx.places.at(offset);
  const severity: Severity = at.severity ?? rule.severity;
  const finding: TextFinding = {
    rule: rule.id,
    severity,
    line: place.line,
    column: place.column,
    paragraph: place.paragraph,
    sentence: place.sentence,
    excerpt: at.excerpt ?? at.claim?.excerpt ?? excerptAround(ctx.text, offset, at.length ?? 4),
    message,
    messageEn,
  };
  if (at.workbookCell) {
    finding.sheet = at.workbookCell.sheet;
    finding.cell = at.workbookCell.cell;
  }
  if (at.expected !== undefined) finding.expected = at.expected;
  if (at.actual !== undefined) finding.actual = at.actual;
  return finding;
}

const RATE_HEAD = /^(ty le|ty trong|co cau)\b/;
const INDEX_HEAD = /^(chi so|iip|cpi)\b/;

/**
 * The kind and measure of what a subject names: its catalogue entry, else its head words. A
 * subject may open with a time or a topic ("Đến hết năm 2021, tỷ lệ nghèo …"): the whole is
 * tried, then each part after a comma, the last first.
 */
export function subjectProfile(subject: string, matcher: CatalogueMatcher): SubjectProfile {
  const parts = [subject, ...subject.split(/,\s+/).slice(1).reverse()];
  for (const part of parts) {
    const entry = matcher.match(part);
    if (entry) return { kind: entry.kind, measure: entry.measure };
  }
  for (const part of parts) {
    const head = fold(part).replace(/^(?:(?:va|con|rieng|trong do|dac biet|nhung)\s+)+/, "");
    if (INDEX_HEAD.test(head)) return { kind: "index", measure: "index" };
    if (RATE_HEAD.test(head)) return { kind: "rate", measure: /^(ty trong|co cau)/.test(head) ? "share" : "level" };
  }
  return { kind: "absolute", measure: null };
}
