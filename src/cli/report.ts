// The readable report of `chitieu check`: per sheet, a table of the indicators with their
// computed comparisons, then the findings grouped by severity. Vietnamese first, numbers in
// Vietnamese style.

import { severityCounts, type Finding, type Severity } from "../core/model/findings";
import type { TextCheck, TextFinding } from "../core/narrative/check";
import type { ParagraphKind } from "../hosts/docx/story";
import { formatCompact, formatNumber } from "../core/model/numbers";
import type { CheckResult } from "../core/check";
import type { Indicator, SheetReport } from "../core/model/indicator";
import type { BatchSummary, FileResult } from "./batch";
import type { Comparison, CrossFinding, MergedComparison, MergedSum, Relation, UnresolvedPair } from "../core/compare";
import type { ConsolidatedFigure } from "../core/fill/consolidate";

const SEVERITY_LABEL: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Ghi chú" };

function num(value: number | null, decimals: number): string {
  return value === null ? "-" : formatNumber(value, decimals);
}

/** "Lỗi Biểu 01!F5 [stated-percent] …": a finding on one line. */
const findingLine = (f: Pick<Finding, "severity" | "sheet" | "cell" | "rule" | "message">) =>
  `${SEVERITY_LABEL[f.severity]} ${f.sheet}!${f.cell} [${f.rule}] ${f.message}`;

/** "2 lỗi, 1 cảnh báo, 0 ghi chú". */
function countsText(c: Record<Severity, number>): string {
  return `${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} ghi chú`;
}

/** A figure with the decimals it has, up to 3. */
function figure(value: number | null): string {
  return value === null ? "-" : formatCompact(value, 3);
}

function comparisonWithPrevious(ind: Indicator): string {
  if (ind.growthPercent !== null) return `${ind.growthPercent >= 0 ? "+" : ""}${num(ind.growthPercent, 1)}%`;
  if (ind.changePoints !== null) return `${ind.changePoints >= 0 ? "+" : ""}${num(ind.changePoints, 2)} điểm`;
  return "-";
}

function planComparison(ind: Indicator): string {
  if (ind.planPercent !== null) return `${num(ind.planPercent, 1)}%`;
  if (ind.planGapPoints !== null) return `${ind.planGapPoints >= 0 ? "+" : ""}${num(ind.planGapPoints, 2)} điểm`;
  return "-";
}

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  if (length >= width) return text;
  return right ? " ".repeat(width - length) + text : text + " ".repeat(width - length);
}

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join("") + "…";
}

function table(rows: string[][], rightAligned: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c], rightAligned[c]))
      .join("  ")
      .trimEnd(),
  );
}

function periodText(sheet: SheetReport): string {
  const period = sheet.period?.label ?? "kỳ chưa rõ";
  const year = sheet.reportYear ?? "năm chưa rõ";
  return sheet.period?.kind === "year" ? `năm ${year}` : `${period} năm ${year}`;
}

function sheetTable(indicators: Indicator[]): string[] {
  const header = ["Dòng", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Cùng kỳ", "So KH", "So CK", "Đánh giá"];
  const rows = indicators.map((ind) => [
    String(ind.row),
    clip("  ".repeat(Math.max(0, ind.level - 1)) + ind.name, 52),
    clip(ind.unit, 14),
    ind.plan !== null ? figure(ind.plan) : clip(ind.planText ?? "-", 14),
    ind.actual !== null ? figure(ind.actual) : clip(ind.actualText ?? "-", 14),
    figure(ind.previous),
    planComparison(ind),
    comparisonWithPrevious(ind),
    ind.evaluation ?? "-",
  ]);
  return table([header, ...rows], [true, false, false, true, true, true, true, true, false]);
}

function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`  ${SEVERITY_LABEL[severity]} (${group.length}):`);
    for (const f of group) lines.push(`    ${f.cell}  [${f.rule}]  ${f.message}`);
  }
  return lines;
}

export function renderReport(file: string, analysis: CheckResult): string {
  const lines: string[] = [];
  const year = analysis.reportYear ?? "chưa xác định";
  const source = {
    option: "theo tuỳ chọn --year",
    title: "theo tiêu đề biểu",
    header: "theo tiêu đề cột",
    "sheet-name": "theo tên trang",
    null: "",
  }[String(analysis.reportYearSource)];
  lines.push(`Tệp: ${file}`);
  lines.push(`Năm báo cáo: ${year}${source ? ` (${source})` : ""}`);
  for (const sheet of analysis.sheets) {
    lines.push("");
    if (sheet.status === "skipped") {
      lines.push(`Trang "${sheet.name}": bỏ qua — ${sheet.reason}`);
      continue;
    }
    const indicators = analysis.indicators.filter((i) => i.sheet === sheet.name);
    lines.push(`Trang "${sheet.name}" — ${periodText(sheet)} — ${indicators.length} chỉ tiêu`);
    if (indicators.length > 0) lines.push(...sheetTable(indicators).map((l) => `  ${l}`));
    const findings = analysis.open.filter((f) => f.sheet === sheet.name);
    if (findings.length > 0) lines.push(...findingLines(findings));
  }
  if (analysis.ignored.length > 0) {
    lines.push("", `Đã bỏ qua trong ngăn tác vụ (${analysis.ignored.length}) / set aside in the pane:`);
    for (const { finding: f, ignore } of analysis.ignored)
      lines.push(`  ${f.sheet}!${f.cell}  [${f.rule}]  ${ignore.reason} (${ignore.date})`);
  }
  const sheetsRead = analysis.sheets.filter((s) => s.status === "indicators").length;
  lines.push("");
  lines.push(`Tổng cộng: ${analysis.indicators.length} chỉ tiêu trên ${sheetsRead} biểu; ${countsText(severityCounts(analysis.open))}.`);
  return lines.join("\n") + "\n";
}

const PARAGRAPH_PLACE: Record<ParagraphKind, string> = {
  body: "",
  table: " (trong bảng)",
  footnote: " (chú thích)",
  endnote: " (chú thích cuối)",
};

/**
 * The report of `check-text`. With `document` (the text came from a .docx, one paragraph a line),
 * findings are placed by paragraph ("đoạn N") and say when the paragraph is a table cell or a note.
 */
export function renderTextReport(
  file: string,
  result: TextCheck,
  document: { paragraphs: readonly { kind: ParagraphKind }[] } | null = null,
): string {
  const source = { option: "theo tuỳ chọn --year", text: "suy ra từ văn bản", workbook: "theo bảng tính", null: "" }[
    String(result.reportYearSource)
  ];
  // A Word paragraph is a line of its text; a plain text's paragraph may span lines (blank-line blocks).
  const place = (f: TextFinding) =>
    document
      ? `đoạn ${f.line}${PARAGRAPH_PLACE[document.paragraphs[f.line - 1]?.kind ?? "body"]}, cột ${f.column} (câu ${f.sentence})`
      : `dòng ${f.line}, cột ${f.column} (${f.paragraph !== f.line ? `đoạn ${f.paragraph}, ` : ""}câu ${f.sentence})`;
  const lines = [
    `Văn bản: ${file}${document ? ` (Word, ${document.paragraphs.length} đoạn)` : ""}`,
    `Năm báo cáo: ${result.reportYear ?? "chưa xác định"}${source ? ` (${source})` : ""}`,
    `Nhận định số liệu: ${result.claims.filter((c) => c.kind !== "period").length}`,
  ];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${SEVERITY_LABEL[severity]} (${group.length}):`);
    for (const f of group) lines.push(`  ${place(f)}  [${f.rule}]  "${f.excerpt}"`, `    ${f.message}`);
  }
  lines.push("", `Tổng cộng: ${countsText(severityCounts(result.findings))}.`);
  return lines.join("\n") + "\n";
}

const RELATION: Record<Relation, string> = {
  "earlier-period": "kỳ trước cùng năm / the same year's earlier period",
  "previous-year": "cùng kỳ năm trước / last year's same period",
  baseline: "ước cả năm trước, gốc của năm nay / last year's estimate, this year's baseline",
  unrelated: "không so (kỳ khác) / not compared (another period)",
};

/** The report of `compare`: each earlier report and how it stands, then the findings with both cells. */
export function renderComparison(result: Comparison): string {
  const lines = [`Báo cáo: ${result.file} (${result.period}, năm ${result.reportYear ?? "chưa xác định"})`];
  for (const e of result.earlier) {
    const byHand = e.pairs.filter((p) => p.by === "override").length;
    lines.push(
      `  so với ${e.file} (${e.period}, năm ${e.reportYear ?? "?"}): ${RELATION[e.relation]}; ${e.matched} chỉ tiêu khớp / matched` +
        (byHand > 0 ? ` (${byHand} ghép tay / paired by hand)` : ""),
      ...unresolvedLines(e.unresolved),
    );
  }
  if (result.unresolved.length > 0)
    lines.push("  cho tệp không có trong các báo cáo / for a file not given:", ...unresolvedLines(result.unresolved));
  if (result.merged) lines.push(...renderMerged(result.merged));
  for (const severity of ["error", "warning", "info"] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${SEVERITY_LABEL[severity]} (${group.length}):`);
    for (const f of group) {
      const [now, ...then] = f.places;
      const others = then.map((p) => `${p.file}: ${p.sheet}!${p.cell}`).join(", ");
      lines.push(`  ${now.sheet}!${now.cell} ↔ ${others}  [${f.rule}]`, `    ${f.message}`);
    }
  }
  lines.push("", `Tổng cộng: ${countsText(severityCounts(result.findings))}.`);
  return lines.join("\n") + "\n";
}

const unresolvedLines = (list: readonly UnresolvedPair[]) =>
  list.map((u) => `    cặp ghép tay không dùng được / pair not made: ${JSON.stringify(u.pair)} — ${u.reason} (${u.reasonEn})`);

const SUM_STATUS: Record<MergedSum["status"], string> = {
  agrees: "khớp / agrees",
  differs: "khác / differs",
  proposed: "đề xuất / proposed",
  incomplete: "thiếu / incomplete",
};

/** A merged unit's former units and its last-year figures as their sums, each with its sources. */
function renderMerged(merged: MergedComparison): string[] {
  const formers = merged.formers.map(
    (f) =>
      `${f.unit} (${f.file}${f.used ? "" : f.relation === "previous-year" ? ": báo cáo thứ hai, không cộng / a second report, not added" : `: ${RELATION[f.relation]}`})`,
  );
  const lines = [
    "",
    `Đơn vị hợp nhất / merged unit: ${merged.unit}${merged.since ? ` từ ${merged.since}` : ""}, gồm ${formers.join(", ")}`,
    ...(merged.unreported.length > 0
      ? [`  chưa có báo cáo cùng kỳ năm trước của / no report of last year's period from: ${merged.unreported.join(", ")}`]
      : []),
    ...merged.formers.flatMap((f) => (f.unresolved.length > 0 ? [`  ${f.unit} (${f.file}):`, ...unresolvedLines(f.unresolved)] : [])),
  ];
  for (const s of merged.sums) {
    const sources = s.sources.map((x) => `${x.unit} ${figure(x.value)} (${x.file} ${x.sheet}!${x.cell})`).join(" + ");
    const missing = s.missing.length > 0 ? `; thiếu / missing: ${s.missing.join(", ")}` : "";
    const stated = s.stated === null ? "chưa ghi" : figure(s.stated);
    const sum = figure(s.sum);
    lines.push(
      `  ${s.sheet}!${s.cell ?? `dòng ${s.row}`} ${s.name}: ghi ${stated}, tổng ${sum} [${SUM_STATUS[s.status]}] = ${sources}${missing}`,
    );
  }
  return lines;
}

/** What `consolidate` tells: the file written, each unit's counts, then the findings of the consolidation and of the checks on the result. */
export interface ConsolidationSummary {
  template: string;
  out: string;
  traceSheet: string;
  unresolved: Array<UnresolvedPair & { file: string }>;
  units: Array<{ file: string; errors: Finding[] } & Record<Severity, number>>;
  figures: ConsolidatedFigure[];
  findings: CrossFinding[];
  checks: Finding[];
}

export function renderConsolidation(summary: ConsolidationSummary): string {
  const written = summary.figures.filter((f) => f.written).length;
  const occupied = summary.figures.filter((f) => f.occupied).length;
  const weighted = summary.figures.filter((f) => f.method === "weighted").length;
  const lines = [
    `Tổng hợp ${summary.units.length} báo cáo vào ${summary.template}: ${written} số đã ghi (${weighted} bình quân theo trọng số), ` +
      `${summary.figures.length - written - occupied} ô đã có số được giữ nguyên` +
      (occupied > 0 ? `, ${occupied} ô có chữ (“-”…) không ghi đè` : "") +
      `; nguồn của từng số ở trang "${summary.traceSheet}" của ${summary.out}.`,
    `Consolidated ${summary.units.length} reports: ${written} figures written, each traced in the sheet "${summary.traceSheet}".`,
    "",
    "Báo cáo của các đơn vị / the units' reports:",
    ...summary.units.flatMap((u) => [
      `  ${u.error > 0 ? "!" : "✓"} ${u.file}: ${countsText(u)}`,
      ...u.errors.map((f) => `      ${findingLine(f)}`),
    ]),
  ];
  const section = (title: string, items: string[]) => (items.length > 0 ? lines.push("", title, ...items) : 0);
  section(
    "Cặp ghép tay không dùng được / pairs set by hand not made:",
    summary.unresolved.map((u) => `  ${u.file}: ${JSON.stringify(u.pair)} — ${u.reason} (${u.reasonEn})`),
  );
  section(
    "Khi tổng hợp / consolidating:",
    summary.findings.map((f) => `  ${findingLine({ ...f, ...f.places[0] })}`),
  );
  section(
    "Kiểm tra biểu đã tổng hợp / checks of the consolidated table:",
    summary.checks.filter((f) => f.severity !== "info").map((f) => `  ${findingLine(f)}`),
  );
  const units = summary.units.reduce((t, u) => ({ error: t.error + u.error, warning: t.warning + u.warning, info: t.info + u.info }), {
    error: 0,
    warning: 0,
    info: 0,
  });
  const own = severityCounts([...summary.findings, ...summary.checks]);
  lines.push("", `Tổng cộng / total: biểu tổng hợp ${countsText(own)}; báo cáo của các đơn vị ${countsText(units)}.`);
  return lines.join("\n") + "\n";
}

/** One file of a batch in the readable report: its counts, or why it could not be used, then its errors and warnings. */
export function renderBatchLine(result: FileResult): string {
  if (result.status === "refused") return `✗ ${result.file}: không dùng được — ${result.reason} (${result.reasonEn})\n`;
  if (result.status === "skipped") return `– ${result.file}: không kiểm tra — ${result.reason} (${result.reasonEn})\n`;
  const lines = [
    `${severityCounts(result.findings).error > 0 ? "!" : "✓"} ${result.file} (${result.reportYear ?? "năm chưa xác định"}): ${result.indicators} chỉ tiêu; ` +
      countsText(severityCounts(result.findings)) +
      (result.ignored.length ? `; ${result.ignored.length} đã bỏ qua` : ""),
    ...result.notes.map((note) => `    ${note}`),
    ...result.findings.filter((f) => f.severity !== "info").map((f) => `    ${findingLine(f)}`),
  ];
  return lines.join("\n") + "\n";
}

export function renderBatchTotal(summary: BatchSummary): string {
  return (
    `Tổng cộng / total: ${summary.files} tệp, ${summary.checked} đã kiểm tra, ${summary.refused} không dùng được` +
    (summary.skipped > 0 ? `, ${summary.skipped} không kiểm tra` : "") +
    "; " +
    `${summary.error} lỗi, ${summary.warning} cảnh báo, ${summary.info} ghi chú, ${summary.ignored} đã bỏ qua.\n`
  );
}
