#!/usr/bin/env node
// `npm run realworld`: measures chitieu on real published material (../shared/realworld, see its
// README) against hand readings of the tables and labels of the texts. A measurement, not a test:
// it exits 0 whatever the figures, and skips with a notice when the folder is absent.
//
//   node tools/realworld.js [--verbose] [--json] [--fill]   (REALWORLD_DIR=… measures a held-back set)
//
// --fill also fills every table with both built-in templates and measures the written files: every
// input entry kept as stored, LibreOffice (soffice) opening and recalculating them, formula errors.
//
// The check runs in-process through lib/cli/main.js `run` with a capturing io: the same code path,
// exit status and JSON as `chitieu check … --json`, without a Node start per file. `run` turns any
// exception into exit 3 "lỗi không mong đợi (unexpected error)", so one table's crash is counted as
// a crash of that table and the run goes on. The material is read at run time only.

"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dataDir = process.env.REALWORLD_DIR ? path.resolve(process.env.REALWORLD_DIR) : path.join(root, "..", "shared", "realworld");
const verbose = process.argv.includes("--verbose");
const asJson = process.argv.includes("--json");
const withFill = process.argv.includes("--fill");

const FIGURES = ["plan", "actual", "previous"];
const COMPUTED = ["planPercent", "growthPercent", "changePoints"];
// Figures are copied from the page, so they must agree to float noise.
const figureTolerance = (b) => Math.max(1e-9, 1e-6 * Math.abs(b));
// The hand readings carry computed values to 6 decimals (checked: within 5e-7 of their own
// figures); 0.01 still passes a reading rounded to 2 decimals and fails any other formula.
const COMPUTED_TOLERANCE = 0.01;
const computedTolerance = () => COMPUTED_TOLERANCE;
const SEVERITIES = ["error", "warning", "info"];

const pct = (a, b) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);
const frac = (a, b) => `${a}/${b} (${pct(a, b)})`;
function norm(s) {
  const text = String(s ?? "").normalize("NFC");
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
const show = (v) => (v === undefined ? "—" : JSON.stringify(v));
const rowOf = (cell) => Number(/(\d+)$/.exec(cell ?? "")?.[1] ?? NaN);
const columnOf = (cell) => /^([A-Z]+)\d+$/.exec(cell ?? "")?.[1] ?? null;
function listDir(dir, re) {
  const names = fs.readdirSync(dir).sort();
  return names.filter((n) => re.test(n));
}
const letters = (n) => (n <= 0 ? "" : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** Runs one chitieu command in-process; never throws. */
async function runCli(cli, argv, stdin = "") {
  const out = [];
  const err = [];
  const io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: async () => Buffer.from(stdin, "utf8") };
  const start = performance.now();
  let code;
  try {
    code = await cli.run(argv, io);
  } catch (error) {
    code = 2;
    err.push(`lỗi không mong đợi (unexpected error): ${error && error.stack}`);
  }
  const stderr = err.join("").trim();
  // An internal error exits 3 (older builds: 2 with "unexpected error"): counted as a crash.
  const crash = code === 3 || (code === 2 && /unexpected error/.test(stderr));
  let result = null;
  if (code < 2) {
    try {
      result = JSON.parse(out.join(""));
    } catch {
      return { code: 2, crash: true, reason: "JSON không đọc được (unreadable JSON)", ms: performance.now() - start };
    }
  }
  return { code, crash, reason: stderr.replace(/^chitieu: /, ""), result, ms: performance.now() - start };
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Equal within tolerance; null (figure or computation must stay empty) matches null/undefined only; {low, high} pairwise. */
function same(expected, got, tolerance) {
  if (expected === null) return got === null || got === undefined;
  if (typeof expected === "number") return typeof got === "number" && Math.abs(expected - got) <= tolerance(expected);
  if (typeof expected === "object")
    return (
      !!got &&
      typeof got === "object" &&
      same(expected.low ?? null, got.low ?? null, tolerance) &&
      same(expected.high ?? null, got.high ?? null, tolerance)
    );
  return false;
}

/**
 * chitieu's reading of a figure in the shape of the hand reading: ranges and bounds live in
 * `planTarget` ({qualifier, low, high}), `plan` holds only the single basis figure; an actual or
 * previous range would be `actualTarget` / `previousTarget` if chitieu ever reads one.
 */
function gotFigure(indicator, field, expected) {
  const value = indicator[field] ?? null;
  const target = indicator[`${field}Target`] ?? null;
  const range = target ? { low: target.low, high: target.high } : value === null ? null : { low: value, high: value };
  // A number (or null: must stay empty) is compared with the figure, else the target: a range read where a number was
  // expected is then a visible mismatch.
  return expected !== null && typeof expected === "object" ? range : (value ?? range);
}

/** The expected indicators, keyed by sheet row, or by column for a transposed table's `columnIndicators`. */
function expectedIndicators(hand) {
  const list = (hand.indicators ?? []).map((e) => ({ ...e }));
  // The README leaves the shape open: an array of column-keyed entries, or a flag on indicators[] that carry `column`.
  if (Array.isArray(hand.columnIndicators)) list.push(...hand.columnIndicators.map((e) => ({ ...e })));
  for (const e of list) {
    const col = e.column ?? e.col;
    if (col !== undefined && col !== null) e.columnLetter = typeof col === "number" ? letters(col) : String(col).toUpperCase();
  }
  return list;
}

function locate(e, indicators) {
  // A transposed indicator has its name atop its column and its figures below it; in an ordinary
  // table the name and figure columns differ, so no row-wise indicator can pass for a column.
  const inColumn = (i) =>
    columnOf(i.cells?.name) === e.columnLetter && FIGURES.every((f) => !i.cells?.[f] || columnOf(i.cells[f]) === e.columnLetter);
  if (e.columnLetter) return indicators.filter(inColumn);
  return indicators.filter((i) => i.row === e.row);
}

const problemCells = (p) => (p.cells ?? (p.cell ? [p.cell] : [])).map((c) => String(c).toUpperCase());
const problemRows = (p) => p.rows ?? (p.row !== undefined ? [p.row] : []);
// A finding points at a real problem through one of its cells, or its row when the problem names rows.
const pointsAt = (f, p, sheet) =>
  (!sheet || f.sheet === sheet) && (problemCells(p).includes(f.cell) || problemRows(p).includes(rowOf(f.cell)));
const deserved = (p) =>
  String(p.severityHint ?? "")
    .split(/[^a-z]+/)
    .filter((s) => SEVERITIES.includes(s));

const tally = () => ({ right: 0, total: 0 });

function scoreTable(hand, file, set, run) {
  const expected = expectedIndicators(hand);
  const problems = hand.realProblems ?? [];
  const row = {
    file: path.basename(file),
    set,
    refused: null,
    year: { expected: hand.reportYear ?? null, got: null },
    ms: Math.round(run.ms),
  };
  Object.assign(row, { indicators: { found: 0, present: 0 }, figures: tally(), computed: tally(), evaluations: tally() });
  Object.assign(row, { falseErrors: [], problems: { total: problems.length, caught: 0, deserved: 0, missed: [] }, warnings: 0, info: 0 });
  row.mismatches = [];
  const result = run.result;
  const sheetKnown = result && hand.sheet && (result.sheets ?? []).some((s) => s.name === hand.sheet);
  const sheet = sheetKnown ? hand.sheet : null;
  const indicators = result ? result.indicators.filter((i) => !sheet || i.sheet === sheet) : [];
  if (run.code >= 2 || indicators.length === 0)
    row.refused = { crash: run.crash, reason: run.code >= 2 ? run.reason : "không có chỉ tiêu (no indicators)" };
  if (result) row.year.got = result.reportYear ?? null;
  const findings = result ? result.findings : [];

  for (const e of expected) {
    const n = e.stacked ?? 1; // n indicators on separate lines of one row: found as many as chitieu reports there
    const at = locate(e, indicators);
    const where = e.columnLetter ? `col ${e.columnLetter}` : `row ${e.row}`;
    row.indicators.present += n;
    row.indicators.found += Math.min(n, at.length);
    if (at.length === 0 && !row.refused) row.mismatches.push({ where, field: "indicator", expected: e.name, got: "not found" });
    const got = at[0];
    const score = (bucket, field, gotValue, ok) => {
      row[bucket].total += 1;
      if (ok) row[bucket].right += 1;
      else if (got) row.mismatches.push({ where, field, expected: e[field], got: gotValue });
    };
    // Every expected key counts even when the indicator is missing, so the totals stay comparable between versions.
    for (const field of FIGURES.filter((f) => f in e)) {
      const value = got ? gotFigure(got, field, e[field]) : undefined;
      score("figures", field, value, !!got && same(e[field], value, figureTolerance));
    }
    for (const field of COMPUTED.filter((f) => f in e))
      score("computed", field, got?.[field], !!got && same(e[field], got[field], computedTolerance));
    if ("evaluation" in e) {
      const accepted = [e.evaluation, ...(e.evalAlt ?? [])].map((v) => (v === null ? null : norm(v)));
      const value = got ? (got.evaluation ?? null) : undefined;
      score("evaluations", "evaluation", value, !!got && accepted.includes(value === null ? null : norm(value)));
    }
  }

  for (const f of findings) {
    if (f.severity === "warning") row.warnings += 1;
    if (f.severity === "info") row.info += 1;
    if (f.severity === "error" && !problems.some((p) => pointsAt(f, p, sheet))) row.falseErrors.push(f);
  }
  for (const p of problems) {
    const hits = findings.filter((f) => pointsAt(f, p, sheet));
    if (hits.length > 0) row.problems.caught += 1;
    else row.problems.missed.push(p);
    if (hits.some((f) => deserved(p).includes(f.severity))) row.problems.deserved += 1;
  }
  return row;
}

function totalsOf(rows) {
  const t = { files: rows.length, refused: 0, yearRight: 0, indicators: { found: 0, present: 0 }, falseErrors: 0, warnings: 0, info: 0 };
  Object.assign(t, { figures: tally(), computed: tally(), evaluations: tally() });
  t.problems = { caught: 0, deserved: 0, total: 0 };
  for (const r of rows) {
    if (r.refused) t.refused += 1;
    if (r.year.got !== null && r.year.got === r.year.expected) t.yearRight += 1;
    for (const k of ["found", "present"]) t.indicators[k] += r.indicators[k];
    for (const b of ["figures", "computed", "evaluations"]) for (const k of ["right", "total"]) t[b][k] += r[b][k];
    for (const k of ["caught", "deserved", "total"]) t.problems[k] += r.problems[k];
    t.falseErrors += r.falseErrors.length;
    t.warnings += r.warnings;
    t.info += r.info;
  }
  return t;
}

const totalsLine = (t) =>
  `refused: ${t.refused} of ${t.files}; indicators found: ${frac(t.indicators.found, t.indicators.present)}; ` +
  `figures right: ${frac(t.figures.right, t.figures.total)}; computed right: ${frac(t.computed.right, t.computed.total)}; ` +
  `evaluations right: ${frac(t.evaluations.right, t.evaluations.total)}; false errors: ${t.falseErrors}; ` +
  `real problems caught: ${frac(t.problems.caught, t.problems.total)} ` +
  `(at the deserved severity: ${t.problems.deserved}/${t.problems.total}); ` +
  `warnings: ${t.warnings}; info: ${t.info}; year right: ${t.yearRight} of ${t.files}`;

async function measureTables(cli, dir) {
  const rows = [];
  for (const name of listDir(dir, /\.json$/)) {
    const id = name.replace(/\.json$/, "");
    let hand;
    try {
      hand = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      console.error(`bỏ qua ${name}: JSON hỏng (skipped: ${error.message})`);
      continue;
    }
    // The JSON names its files; otherwise the README's naming. Some tables exist only as .text.xlsx.
    const files = [
      ["xlsx", hand.files?.numbers ?? `${id}.xlsx`],
      ["text.xlsx", hand.files?.text ?? `${id}.text.xlsx`],
    ].filter(([, f]) => fs.existsSync(path.join(dir, f)));
    // As a user would run it: no --year, so the inferred year is measured too.
    for (const [set, f] of files) {
      const run = await runCli(cli, ["check", path.join(dir, f), "--json"]);
      run.reason = run.reason.split(dir + path.sep).join("");
      rows.push(scoreTable(hand, f, set, run));
    }
  }
  const totals = {
    xlsx: totalsOf(rows.filter((r) => r.set === "xlsx")),
    "text.xlsx": totalsOf(rows.filter((r) => r.set === "text.xlsx")),
    all: totalsOf(rows),
  };
  return { rows, totals };
}

/** Fills every table with both built-in templates; what LibreOffice makes of the files written. */
async function measureFill(cli, dir) {
  const { ZipArchive } = require(path.join(root, "lib", "hosts", "xlsx", "zip.js"));
  const { readWorkbook } = require(path.join(root, "lib", "hosts", "xlsx", "readWorkbook.js"));
  const { execFileSync } = require("node:child_process");
  const os = require("node:os");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-realworld-fill-"));
  const { recalcProfile } = require("./recalc");
  const { address } = require(path.join(root, "lib", "core", "model", "snapshot.js"));
  const result = { files: 0, written: 0, lossless: 0, opened: 0, generatedCells: 0, formulaErrors: 0, differing: 0, failures: [] };
  const written = [];
  for (const f of listDir(dir, /\.xlsx$/)) {
    const input = fs.readFileSync(path.join(dir, f));
    const before = new Map(new ZipArchive(input).stored().map((e) => [e.name, e]));
    for (const template of ["bieu-chi-tieu", "bao-cao"]) {
      result.files++;
      const target = path.join(out, `${f.replace(/\.xlsx$/, "")}.${template}.xlsx`);
      const err = [];
      const status = await cli
        .run(["fill", path.join(dir, f), "--template", template, "--out", target], { stdout: () => undefined, stderr: (t) => err.push(t) })
        .catch((error) => (err.push(String(error)), 3));
      if (status > 1 || !fs.existsSync(target)) {
        result.failures.push(`${f} ${template}: ${err.join("").trim() || status}`);
        continue;
      }
      result.written++;
      const after = new Map(new ZipArchive(fs.readFileSync(target)).stored().map((e) => [e.name, e]));
      const changed = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/calcChain.xml"];
      const kept = [...before].every(
        ([name, e]) => changed.includes(name) || (after.get(name) && Buffer.compare(after.get(name).data, e.data) === 0),
      );
      if (kept) result.lossless++;
      else result.failures.push(`${f} ${template}: an input entry changed`);
      written.push(target);
    }
  }
  const lo = path.join(out, "lo");
  try {
    execFileSync("soffice", [recalcProfile(path.join(out, "profile")), "--headless", "--convert-to", "xlsx", "--outdir", lo, ...written], {
      stdio: "ignore",
      timeout: 600000,
    });
  } catch {
    return { ...result, skipped: "soffice" };
  }
  for (const target of written) {
    const converted = path.join(lo, path.basename(target));
    if (!fs.existsSync(converted)) {
      result.failures.push(`${path.basename(target)}: LibreOffice did not open it`);
      continue;
    }
    result.opened++;
    // The generated sheet as LibreOffice computed it, against the results chitieu stored.
    const book = await readWorkbook(fs.readFileSync(converted));
    const generated = book.sheets[book.sheets.length - 1];
    const mine = (await readWorkbook(fs.readFileSync(target))).sheets.find((s) => s.name === generated.name);
    generated.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) result.generatedCells++;
        if (v && typeof v === "object" && "error" in v) result.formulaErrors++;
        const stored = mine?.values[r]?.[c] ?? null;
        const same =
          typeof v === "number" && typeof stored === "number"
            ? Math.abs(v - stored) <= 1e-6 * Math.max(1, Math.abs(stored))
            : JSON.stringify(v) === JSON.stringify(stored);
        if (!same) {
          result.differing++;
          if (result.failures.length < 20)
            result.failures.push(
              `${path.basename(target)} ${generated.name}!${address(r, c)}: chitieu ${JSON.stringify(stored)}, LibreOffice ${JSON.stringify(v)}`,
            );
        }
      }),
    );
  }
  fs.rmSync(out, { recursive: true, force: true });
  return result;
}

function printFill(fill) {
  console.log(`\n== Điền mẫu / fill (${fill.files} runs: every table × bieu-chi-tieu, bao-cao) ==`);
  console.log(
    `written ${fill.written}/${fill.files}; every input entry kept as stored ${fill.lossless}/${fill.written}; ` +
      (fill.skipped
        ? "LibreOffice not available: not opened"
        : `opened by LibreOffice ${fill.opened}/${fill.written}; generated cells ${fill.generatedCells}, after recalculation: ` +
          `formula errors ${fill.formulaErrors}, cells other than chitieu's ${fill.differing}`),
  );
  for (const failure of fill.failures) console.log(`  ${failure}`);
}

const WIDTHS = [9, 11, 8, 9, 7, 8, 7, 3, 3, 6];

function printTables({ rows, totals }) {
  const width = Math.max(...rows.map((r) => r.file.length), 4);
  console.log(`\n== Biểu / tables (${rows.length} runs) ==`);
  const head = ["year", "indicators", "figures", "computed", "evals", "falseErr", "caught", "W", "I", "ms"];
  console.log(`${"file".padEnd(width)}  ${head.map((h, i) => h.padStart(WIDTHS[i])).join(" ")}`);
  for (const r of rows) {
    const year = `${r.year.got ?? "—"}${r.year.got === r.year.expected ? "✓" : "✗"}`;
    const [ind, fig, comp, ev] = [r.indicators, r.figures, r.computed, r.evaluations];
    const cells = [
      year,
      `${ind.found}/${ind.present}`,
      `${fig.right}/${fig.total}`,
      `${comp.right}/${comp.total}`,
      `${ev.right}/${ev.total}`,
    ];
    cells.push(r.falseErrors.length, `${r.problems.caught}/${r.problems.total}`, r.warnings, r.info, r.ms);
    console.log(`${r.file.padEnd(width)}  ${cells.map((c, i) => String(c).padStart(WIDTHS[i])).join(" ")}`);
    if (r.refused) console.log(`${"".padEnd(width)}  ${r.refused.crash ? "REFUSED (crash)" : "refused"}: ${r.refused.reason}`);
  }
  console.log("");
  for (const [set, t] of Object.entries(totals)) console.log(`${set.padEnd(9)} ${totalsLine(t)}`);
  if (!verbose) return;
  console.log("\n-- chi tiết / details (file, where, field, expected, got) --");
  for (const r of rows) {
    for (const m of r.mismatches) console.log(`${r.file}  ${m.where}  ${m.field}: expected ${show(m.expected)}, got ${show(m.got)}`);
    for (const f of r.falseErrors) console.log(`${r.file}  FALSE ERROR ${f.cell} ${f.rule}: ${f.message}`);
    for (const p of r.problems.missed)
      console.log(
        `${r.file}  MISSED real problem ${problemCells(p).join(",") || problemRows(p)} (${p.kind}, ${p.severityHint}): ${p.desc ?? ""}`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Texts

// A label's rule may carry a comment ("growth-multiple (proposed: …)"); one starting "(" names a check that does not exist yet.
const labelRule = (rule) => (String(rule).trim().startsWith("(") ? null : (/^\s*([\w-]+)/.exec(rule)?.[1] ?? null));
// Figures that identify a claim: a percentage or a number with a separator ("102,66%", "3.224"); bare integers are often years.
const figuresIn = (s) => (norm(s).match(/\d+(?:[.,]\d+)*\s?[%‰]|\d+(?:[.,]\d+)+/g) ?? []).map((x) => x.replace(/\s/g, ""));
const contains = (a, b) => {
  const [x, y] = [norm(a).replace(/[.;:,]+$/, ""), norm(b).replace(/[.;:,]+$/, "")];
  return x !== "" && y !== "" && (x.includes(y) || y.includes(x));
};

// Whether a label describes a finding. A label naming no existing rule matches any rule, but
// by containment only: a shared figure alone is too loose then.
function labelMatches(label, finding) {
  const rule = labelRule(label.rule);
  if (rule === null) return contains(label.excerpt, finding.excerpt);
  if (rule !== finding.rule) return false;
  const figures = figuresIn(label.excerpt);
  return contains(label.excerpt, finding.excerpt) || figuresIn(finding.excerpt).some((f) => figures.includes(f));
}

async function measureTexts(cli, dir) {
  const labelsFile = path.join(dir, "labels.json");
  const allLabels = fs.existsSync(labelsFile) ? (JSON.parse(fs.readFileSync(labelsFile, "utf8")).labels ?? []) : [];
  const pages = [];
  for (const name of listDir(dir, /^\d+\.txt$/)) {
    const id = name.replace(/\.txt$/, "");
    const raw = fs.readFileSync(path.join(dir, name), "utf8");
    const nl = raw.indexOf("\n");
    const [url, yearText] = (nl < 0 ? raw : raw.slice(0, nl)).split("\t");
    const year = /^\s*(\d{4})\s*$/.exec(yearText ?? "")?.[1] ?? null;
    const argv = ["check-text", "-", ...(year ? ["--year", year] : []), "--json"];
    const run = await runCli(cli, argv, nl < 0 ? "" : raw.slice(nl + 1));
    const findings = (run.result?.findings ?? []).map((f) => ({ ...f, id, label: null }));
    // One finding per label where possible (an excerpt can occur twice in a page, with two labels);
    // a finding whose labels are all taken is still judged by the first.
    const labels = allLabels.filter((l) => l.id === id).map((l) => ({ ...l, found: false }));
    for (const f of findings) {
      const candidates = labels.filter((l) => labelMatches(l, f));
      f.label = candidates.find((l) => !l.found) ?? candidates[0] ?? null;
      if (f.label) f.label.found = true;
    }
    const refused = run.code === 2 ? run.reason : null;
    pages.push({ id, url: url.trim(), year, refused, claims: run.result?.claims ?? [], findings, labels, ms: run.ms });
  }
  const findings = pages.flatMap((p) => p.findings);
  const labels = pages.flatMap((p) => p.labels);
  const judged = (kind) => findings.filter((f) => f.label?.label === kind);
  const falseAlarms = judged("false");
  const claimKinds = {};
  for (const c of pages.flatMap((p) => p.claims)) claimKinds[c.kind ?? "?"] = (claimKinds[c.kind ?? "?"] ?? 0) + 1;
  const byRule = {};
  for (const f of findings) {
    byRule[f.rule] ??= { error: 0, warning: 0, info: 0 };
    byRule[f.rule][f.severity] = (byRule[f.rule][f.severity] ?? 0) + 1;
  }
  const real = labels.filter((l) => l.label === "true" || l.label === "missed-real");
  const style = labels.filter((l) => l.label === "true-style" || l.label === "missed-style");
  const falseWarnings = falseAlarms.filter((f) => f.severity === "warning").length;
  const totalMs = pages.reduce((s, p) => s + p.ms, 0);
  return {
    pages: pages.length,
    refused: pages.filter((p) => p.refused).map((p) => ({ id: p.id, reason: p.refused })),
    labels: labels.length,
    duplicateLabels: labels.filter((l) => l.duplicate === true).length,
    labelsWithoutText: allLabels.filter((l) => !pages.some((p) => p.id === l.id)).length,
    claims: {
      total: pages.reduce((s, p) => s + p.claims.length, 0),
      byKind: claimKinds,
      pagesWithClaims: pages.filter((p) => p.claims.length).length,
    },
    findings: { total: findings.length, byRule },
    trueFindings: judged("true").length,
    styleNotesMatched: judged("true-style").length,
    falseAlarms: { total: falseAlarms.length, errors: falseAlarms.filter((f) => f.severity === "error").length, warnings: falseWarnings },
    falseWarningsPer50Pages: pages.length === 0 ? 0 : (50 * falseWarnings) / pages.length,
    realErrorsCaught: { caught: real.filter((l) => l.found).length, total: real.length },
    styleSlipsCaught: { caught: style.filter((l) => l.found).length, total: style.length },
    unjudged: findings
      .filter((f) => !f.label)
      .map(({ id, rule, severity, excerpt, message }) => ({ id, rule, severity, excerpt, message })),
    falseAlarmList: falseAlarms.map(({ id, rule, severity, excerpt, label }) => ({ id, rule, severity, excerpt, reason: label.reason })),
    missedLabels: labels.filter((l) => !l.found).map(({ id, rule, label, excerpt }) => ({ id, rule, label, excerpt })),
    time: {
      totalMs: Math.round(totalMs),
      perText: pages.map((p) => ({ id: p.id, ms: Math.round(p.ms), claims: p.claims.length, findings: p.findings.length })),
    },
  };
}

function printTexts(m) {
  console.log(`\n== Lời văn / texts (${m.pages} pages, ${m.labels} labels, of which ${m.duplicateLabels} marked duplicate: counted) ==`);
  for (const r of m.refused) console.log(`refused ${r.id}: ${r.reason}`);
  const kinds = Object.entries(m.claims.byKind).sort((a, b) => b[1] - a[1]);
  const byKind = kinds.map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(`claims: ${m.claims.total}${byKind && ` (${byKind})`}; pages with a claim: ${m.claims.pagesWithClaims} of ${m.pages}`);
  const rules = Object.entries(m.findings.byRule).sort((a, b) => a[0].localeCompare(b[0]));
  const bySeverity = (c) => SEVERITIES.flatMap((s) => (c[s] ? [`${s} ${c[s]}`] : [])).join(", ");
  console.log(`findings: ${m.findings.total}${rules.map(([r, c]) => `\n  ${r.padEnd(22)} ${bySeverity(c)}`).join("")}`);
  console.log(
    `true findings: ${m.trueFindings}; style notes matched: ${m.styleNotesMatched}; false alarms: ${m.falseAlarms.total} ` +
      `(false errors: ${m.falseAlarms.errors}, false warnings: ${m.falseAlarms.warnings}); unjudged: ${m.unjudged.length}`,
  );
  console.log(
    `real errors caught: ${frac(m.realErrorsCaught.caught, m.realErrorsCaught.total)}; ` +
      `style slips caught: ${frac(m.styleSlipsCaught.caught, m.styleSlipsCaught.total)}; ` +
      `false warnings per 50 pages: ${m.falseWarningsPer50Pages.toFixed(2)}`,
  );
  const slow = [...m.time.perText].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const mean = (m.time.totalMs / Math.max(1, m.pages)).toFixed(1);
  console.log(`time: ${m.time.totalMs} ms total, ${mean} ms per text; slowest ${slow.map((t) => `${t.id} ${t.ms} ms`).join(", ")}`);
  const cells = m.time.perText.map(
    (t) => `${t.id} ${String(t.ms).padStart(4)}ms c${String(t.claims).padEnd(3)} f${String(t.findings).padEnd(2)}`,
  );
  for (let i = 0; i < cells.length; i += 5) console.log(`  ${cells.slice(i, i + 5).join(" | ")}`);
  if (m.labelsWithoutText > 0) console.log(`(${m.labelsWithoutText} labels name texts not in this folder: not counted)`);
  console.log(`\n-- chưa có nhãn, cần đọc / unjudged findings (${m.unjudged.length}) --`);
  for (const f of m.unjudged) console.log(`${f.id} ${f.rule} ${f.severity}: "${f.excerpt}" — ${f.message}`);
  if (!verbose) return;
  console.log(`\n-- báo động nhầm / false alarms (${m.falseAlarms.total}) --`);
  for (const f of m.falseAlarmList) console.log(`${f.id} ${f.rule} ${f.severity}: "${f.excerpt}" — ${f.reason}`);
  console.log(`\n-- nhãn chưa khớp / labels no finding matches (${m.missedLabels.length}) --`);
  for (const l of m.missedLabels) console.log(`${l.id} [${l.label}] ${l.rule}: "${l.excerpt}"`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(dataDir)) {
    const shown = process.env.REALWORLD_DIR ? dataDir : "../shared/realworld";
    console.log(`bỏ qua: không có ${shown} (skipped: no ${shown} folder, nothing to measure)`);
    return;
  }
  let cli;
  try {
    cli = require(path.join(root, "lib", "cli", "main.js"));
  } catch {
    console.error("chưa biên dịch, hãy chạy `npm run build:cli` (not built: run `npm run build:cli`)");
    process.exitCode = 2;
    return;
  }
  const tablesDir = path.join(dataDir, "tables");
  const textsDir = path.join(dataDir, "texts");
  const measurement = {
    dataDir,
    tolerances: { figures: "max(1e-9, 1e-6·|expected|)", computed: COMPUTED_TOLERANCE },
    tables: fs.existsSync(tablesDir) ? await measureTables(cli, tablesDir) : null,
    texts: fs.existsSync(textsDir) ? await measureTexts(cli, textsDir) : null,
    fill: withFill && fs.existsSync(tablesDir) ? await measureFill(cli, tablesDir) : null,
  };
  if (asJson) {
    console.log(JSON.stringify(measurement, null, 1));
    return;
  }
  console.log(`chitieu trên tài liệu thật / on real material: ${dataDir}`);
  console.log(`tolerances: figures ${measurement.tolerances.figures}, computed values ±${COMPUTED_TOLERANCE} (absolute)`);
  if (measurement.tables) printTables(measurement.tables);
  if (measurement.texts) printTexts(measurement.texts);
  if (measurement.fill) printFill(measurement.fill);
}

main().catch((error) => {
  // A bug in the measurement itself, not a figure about chitieu: that one should fail.
  console.error(`realworld: ${error.stack}`);
  process.exitCode = 1;
});
