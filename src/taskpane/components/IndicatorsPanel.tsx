// Chỉ tiêu: the computed indicators with TH/KH, growth or points and the evaluation; writing the
// comparison columns into the sheet as formulas, only after the user confirms the columns (never a
// column the indicators are read from), and never over cells that hold something without asking
// again, with writing over them the second choice, listing what it would replace.

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { comparisonColumns } from "../../core/fill/extra";
import { fold } from "../../core/model/text";
import { formatCompact, roundTo } from "../../core/model/numbers";
import { cellText, columnLetters, parseAddress } from "../../core/model/snapshot";
import type { Actions, Session } from "../session";
import type { Lang, Strings } from "../strings";
import type { Indicator } from "../../core/model/indicator";
import type { IndicatorRow } from "../analysis/protocol";
import { BusyButton } from "./BusyButton";
import { Cancelled } from "../analysis/analyser";

/** Every row the same height, so that only the rows in sight are drawn (18,000 indicators and more). */
const ROW_HEIGHT = 24;
/** Rows drawn above and below those in sight, so that scrolling shows no blank. */
const OVERSCAN = 20;

const useStyles = makeStyles({
  scroller: { maxHeight: "60vh", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, textAlign: "left" },
  nameColumn: { width: "auto" },
  figureColumn: { width: "64px" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", margin: "6px 0" },
  columns: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

function pct(x: number | null, lang: Lang): string {
  return x === null ? "–" : formatCompact(roundTo(x, 1), 1, lang);
}

function change(i: IndicatorRow, t: Strings, lang: Lang): string {
  if (i.kind === "absolute") return i.index === null ? "–" : pct(i.index, lang);
  return i.changePoints === null
    ? "–"
    : `${i.changePoints > 0 ? "+" : ""}${formatCompact(roundTo(i.changePoints, 2), 2, lang)} ${t.points}`;
}

export interface IndicatorsPanelProps {
  t: Strings;
  lang: Lang;
  session: Session | null;
  actions: Actions;
  /** Inside Excel there is nothing to open: the check reads the open workbook. */
  inExcel?: boolean;
}

/** The rows in sight of a scrolled box of fixed-height rows: where to start and how many. */
export function rowsInSight(scrollTop: number, height: number, count: number): { first: number; last: number } {
  // Before layout (or without one) the box is taken as a screen high.
  const shown = Math.ceil((height > 0 ? height : 800) / ROW_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  return { first, last: Math.min(count, first + shown + 2 * OVERSCAN) };
}

/** Drawn again only when its own props change (App keeps its actions stable). */
export const IndicatorsPanel = React.memo(function IndicatorsPanel({
  t,
  lang,
  session,
  actions,
  inExcel = false,
}: IndicatorsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = React.useState("");
  const [scroll, setScroll] = React.useState({ top: 0, height: 0 });
  const all = session?.analysis.indicators;
  const rows = React.useMemo(() => {
    const wanted = fold(filter.trim());
    return !all || wanted === "" ? (all ?? []) : all.filter((i) => fold(i.name).includes(wanted));
  }, [all, filter]);
  const sheets = session ? session.analysis.sheets.filter((s) => s.status === "indicators").map((s) => s.name) : [];
  const [sheet, setSheet] = React.useState<string>("");
  const [columns, setColumns] = React.useState({ planPercent: "", previous: "" });
  const [step, setStep] = React.useState<"closed" | "columns" | "overwrite">("closed");
  // A sheet chosen in a workbook opened before may not be in this one.
  const chosen = sheets.includes(sheet) ? sheet : sheets[0];
  /** The chosen sheet's indicators whole, asked of the analyser when the dialog opens. */
  const [whole, setWhole] = React.useState<{ sheet: string; indicators: Indicator[] } | null>(null);
  const [asked, setAsked] = React.useState(0);
  React.useEffect(() => {
    // Never the indicators of a check before this one, even for a moment.
    setWhole(null);
    if (step === "closed" || !session || !chosen) return;
    let live = true;
    actions.sheetIndicators(session, chosen).then(
      (indicators) => live && setWhole({ sheet: chosen, indicators }),
      // "Huỷ" stopped the worker meanwhile: asked again.
      (error: unknown) => live && error instanceof Cancelled && setAsked((n) => n + 1),
    );
    return () => {
      live = false;
    };
    // Asked again only when the dialog opens, the sheet changes or the check does.
  }, [step === "closed", session, chosen, asked]);
  if (!session) return <p>{inExcel ? t.openFirstExcel : t.openFirst}</p>;

  const openDialog = () => {
    // Proposed columns: the first two after everything the sheet uses.
    const snap = session.snapshot.sheets.find((s) => s.name === chosen);
    const width = Math.max(0, ...(snap?.values ?? []).map((r) => r.length));
    setColumns({ planPercent: columnLetters(width), previous: columnLetters(width + 1) });
    setStep("columns");
  };
  const letter = (v: string) => (/^[A-Z]{1,3}$/.test(v) ? v : null);
  const planned =
    chosen && whole?.sheet === chosen
      ? comparisonColumns(session.snapshot, { ...session.analysis, indicators: whole.indicators }, chosen, {
          planPercent: letter(columns.planPercent),
          previous: letter(columns.previous),
        })
      : null;
  // What writing over the occupied cells would replace: each cell with what it holds now.
  const replaced = (cells: readonly string[]) => {
    const snap = session.snapshot.sheets.find((x) => x.name === chosen);
    const shown = cells.slice(0, 6).map((address) => {
      const at = parseAddress(address);
      const value = at && snap ? snap.values[at.row]?.[at.col] : null;
      return `${address} (${cellText(value ?? null)})`;
    });
    return shown.join(", ") + (cells.length > 6 ? ", …" : "");
  };
  const write = async (overwrite: boolean) => {
    if (!planned) return;
    const cells = overwrite ? planned.write.cells : planned.write.cells.filter((c) => !planned.occupied.includes(c.address));
    setStep("closed");
    if (await actions.apply({ sheets: [], writes: [{ sheet: planned.write.sheet, cells }] })) actions.notify(t.written);
  };

  return (
    <section aria-label={t.tabIndicators}>
      <div className={styles.bar}>
        <span aria-live="polite">
          {rows.length === session.analysis.indicators.length
            ? t.indicators(rows.length)
            : t.indicatorsShown(rows.length, session.analysis.indicators.length)}
        </span>
        <BusyButton onClick={openDialog} disabled={sheets.length === 0}>
          {t.writeColumns}
        </BusyButton>
      </div>
      <Field label={t.filterIndicators}>
        <Input type="search" value={filter} onChange={(_, d) => setFilter(d.value)} />
      </Field>
      <div
        className={styles.scroller}
        role="region"
        aria-label={t.tabIndicators}
        tabIndex={0}
        data-testid="indicator-rows"
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <table className={styles.table} aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.cell, styles.head, styles.nameColumn)}>{t.colName}</th>
              <th className={mergeClasses(styles.cell, styles.head, styles.figureColumn)}>{t.colPlanPercent}</th>
              <th className={mergeClasses(styles.cell, styles.head, styles.figureColumn)}>{t.colChange}</th>
              <th className={mergeClasses(styles.cell, styles.head, styles.figureColumn)}>{t.colEvaluation}</th>
            </tr>
          </thead>
          <IndicatorRows rows={rows} scroll={scroll} t={t} lang={lang} />
        </table>
      </div>
      <Dialog open={step !== "closed"} onOpenChange={(_, d) => !d.open && setStep("closed")}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.writeColumnsTitle}</DialogTitle>
            <DialogContent>
              {step === "columns" ? (
                <>
                  <Field label={t.sheet}>
                    <Select value={chosen} onChange={(_, d) => setSheet(d.value)}>
                      {sheets.map((s) => (
                        <option key={s}>{s}</option>
                      ))}
                    </Select>
                  </Field>
                  <div className={styles.columns}>
                    <Field label={t.planColumn}>
                      <Input
                        value={columns.planPercent}
                        onChange={(_, d) => setColumns({ ...columns, planPercent: d.value.toUpperCase() })}
                      />
                    </Field>
                    <Field label={t.previousColumn}>
                      <Input value={columns.previous} onChange={(_, d) => setColumns({ ...columns, previous: d.value.toUpperCase() })} />
                    </Field>
                  </div>
                  {planned && planned.refused.length > 0 ? (
                    <p role="alert">{t.dataColumn([...new Set(planned.refused)].join(", "))}</p>
                  ) : (
                    <p>{planned ? t.willWrite(planned.write.cells.length, chosen) : ""}</p>
                  )}
                </>
              ) : (
                <p>{planned ? t.overwrite(planned.occupied.length, replaced(planned.occupied)) : ""}</p>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setStep("closed")}>{t.cancel}</Button>
              {step === "columns" ? (
                <Button
                  appearance="primary"
                  disabled={!planned || planned.write.cells.length === 0}
                  onClick={() => (planned && planned.occupied.length > 0 ? setStep("overwrite") : void write(false))}
                >
                  {t.confirm}
                </Button>
              ) : (
                <>
                  {/* Writing over what the official has is the second, explicit choice, never the default. */}
                  <Button onClick={() => void write(true)}>{t.overwriteYes}</Button>
                  <Button appearance="primary" onClick={() => void write(false)}>
                    {t.onlyEmpty}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
});

function IndicatorRows({
  rows,
  scroll,
  t,
  lang,
}: {
  rows: readonly IndicatorRow[];
  scroll: { top: number; height: number };
  t: Strings;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const { first, last } = rowsInSight(scroll.top, scroll.height, rows.length);
  return (
    <tbody>
      {first > 0 && <tr aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />}
      {rows.slice(first, last).map((i, k) => (
        <tr key={`${i.sheet}!${i.row}|${i.line}`} aria-rowindex={first + k + 2} data-indicator={`${i.sheet}!${i.row}`}>
          <td className={styles.cell} style={{ paddingLeft: `${4 + 10 * Math.max(0, i.level - 1)}px` }} title={i.name}>
            {i.name}
          </td>
          <td className={mergeClasses(styles.cell, styles.number)}>{pct(i.planPercent, lang)}</td>
          <td className={mergeClasses(styles.cell, styles.number)}>{change(i, t, lang)}</td>
          <td className={styles.cell}>{i.evaluation ?? ""}</td>
        </tr>
      ))}
      {last < rows.length && <tr aria-hidden="true" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} />}
    </tbody>
  );
}
