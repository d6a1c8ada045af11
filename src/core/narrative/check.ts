// The narrative checker: reads the claims of a report's text once (claims.ts), then runs every text
// rule of the registry that is on (rules/textRules.ts; with a workbook, rules/textWorkbook.ts) over
// one context: the text folded once, its lines, paragraphs and sentences, the claims grouped by
// sentence and paragraph. A severity set in the configuration replaces the one a check gave.

import { CatalogueMatcher, type Catalogue } from "../model/catalogue";
import { DEFAULT_CATALOGUE } from "../model/catalogueData";
import type { TextFinding } from "../model/findings";
import type { Analysis } from "../model/indicator";
import { yearMentions } from "../model/period";
import { foldKeepingOffsets, TextPlaces } from "../model/text";
import { extractClaims, type Claim } from "../reading/claims";
import { isDisabled, ruleSeverity, type RuleConfig } from "../rules/config";
import { DEFAULT_RULE_CONFIG, DEFAULT_OPTIONS, TEXT_CHECKS } from "../rules/registry";
import { subjectProfile, type SubjectProfile, type TextContext } from "../rules/textContext";

export type { TextFinding } from "../model/findings";

export interface TextCheck {
  reportYear: number | null;
  reportYearSource: "option" | "text" | "workbook" | null;
  claims: Claim[];
  findings: TextFinding[];
}

export interface TextCheckOptions {
  reportYear?: number | null;
  /** The workbook the text reports on, already analysed. */
  analysis?: Analysis | null;
  catalogue?: Catalogue;
  /** The rule configuration: options, rules switched off, severities. */
  rules?: RuleConfig;
  /** Every line is a paragraph even when the text has blank lines (a Word document read paragraph by paragraph). */
  paragraphPerLine?: boolean;
}

/**
 * The year a text reports on, by votes: a year in a period phrase ("6 tháng đầu năm 2020",
 * "quý II/2021", "thực hiện năm 2021") weighs most, a comparison year ("so với cùng kỳ năm
 * 2019") votes for the year after it, a plan or task year ("kế hoạch năm 2022") weighs least.
 */
export function inferTextYear(input: string, folded?: string): number | null {
  const text = input.normalize("NFC");
  const f = folded ?? foldKeepingOffsets(text);
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => votes.set(year, (votes.get(year) ?? 0) + weight);
  for (const m of yearMentions(text, f)) {
    if (m.role !== "dated") continue;
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    if (/(cung ky|so voi|so)\s*(nam\s*)?$/.test(before)) vote(m.year + 1, 2);
    else if (/(\d{1,2}\s*thang|quy\s*[ivx\d]+|thang\s*\d{1,2}|thuc hien|uoc|ket qua|ca nam|het)[^.;]{0,20}?(nam\s*|\/\s*)?$/.test(before))
      vote(m.year, 3);
    else if (/(ke hoach|nhiem vu|phuong huong|du toan|muc tieu|trien khai)[^.;]{0,25}(nam\s*)?$/.test(before)) vote(m.year, 0.5);
    else vote(m.year, 1);
  }
  let best: number | null = null;
  for (const [year, weight] of votes)
    if (best === null || weight > (votes.get(best) ?? 0) || (weight === votes.get(best) && year < best)) best = year;
  return best;
}

/** Claims grouped by a key that only grows along the text (sentence, paragraph index). */
function groupBy(claims: readonly Claim[], key: (c: Claim) => number): Claim[][] {
  const out: Claim[][] = [];
  let last = -1;
  for (const c of claims) {
    const k = key(c);
    if (k !== last || out.length === 0) out.push([]);
    out[out.length - 1].push(c);
    last = k;
  }
  return out;
}

/** Checks the claims of one text; with an analysed workbook, also against its figures. */
export function checkText(input: string, options: TextCheckOptions = {}): TextCheck {
  const text = input.normalize("NFC");
  const folded = foldKeepingOffsets(text);
  const places = new TextPlaces(text, { paragraphPerLine: options.paragraphPerLine });
  const matcher = CatalogueMatcher.of(options.catalogue ?? DEFAULT_CATALOGUE);
  const config = options.rules ?? DEFAULT_RULE_CONFIG;
  const defaults = { ...DEFAULT_OPTIONS, ...config.defaults };
  let reportYear = options.reportYear ?? null;
  let reportYearSource: TextCheck["reportYearSource"] = reportYear !== null ? "option" : null;
  if (reportYear === null) {
    reportYear = inferTextYear(text, folded);
    if (reportYear !== null) reportYearSource = "text";
    else if (options.analysis?.reportYear) {
      reportYear = options.analysis.reportYear;
      reportYearSource = "workbook";
    }
  }
  const claims = extractClaims(text, { folded, places });
  // Claims are in the order of the text, so each group is a run of them.
  const sentences = groupBy(claims, (c) => places.sentenceIndex(c.offset));
  const paragraphs = groupBy(claims, (c) => places.paragraphIndex(c.offset));
  const profiles = new Map<string, SubjectProfile>();
  const ctx: TextContext = {
    text,
    folded,
    places,
    claims,
    sentences,
    paragraphs,
    reportYear,
    matcher,
    analysis: options.analysis ?? null,
    config,
    enabled: (rule) => !isDisabled(config, rule.id),
    option: (_rule, key) => defaults[key] as never,
    profile: (claim) => {
      let p = profiles.get(claim.subject);
      if (!p) profiles.set(claim.subject, (p = subjectProfile(claim.subject, matcher)));
      return p;
    },
  };
  const findings: TextFinding[] = [];
  for (const check of TEXT_CHECKS) {
    if (isDisabled(config, check.rule.id)) continue;
    for (const f of check.check(ctx)) {
      // A check may report under another rule's record (the workbook's index-as-growth).
      if (f.rule !== check.rule.id && isDisabled(config, f.rule)) continue;
      const severity = ruleSeverity(config, f.rule, f.severity);
      findings.push(severity === f.severity ? f : { ...f, severity });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { reportYear, reportYearSource, claims, findings };
}
