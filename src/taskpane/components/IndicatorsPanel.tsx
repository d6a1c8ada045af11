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
import { formatCompact, roundTo } from "../../core/model/numbers";
import { cellText, columnLetters, parseAddress } from "../../core/model/snapshot";
import type { Actions, Session } from "../session";
import type { Strings } from "../strings";
import type { Indicator } from "../../core/model/indicator";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", margin: "6px 0" },
  columns: { display: "flex", gap: "8px" },
});

const pct = (x: number | null) => (x === null ? "–" : formatCompact(roundTo(x, 1), 1));

function change(i: Indicator, t: Strings): string {
  if (i.kind === "absolute") return i.index === null ? "–" : pct(i.index);
  return i.changePoints === null ? "–" : `${i.changePoints > 0 ? "+" : ""}${formatCompact(roundTo(i.changePoints, 2), 2)} ${t.points}`;
}

export interface IndicatorsPanelProps {
  t: Strings;
  session: Session | null;
  actions: Actions;
}

export function IndicatorsPanel({ t, session, actions }: IndicatorsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const sheets = session ? session.analysis.sheets.filter((s) => s.status === "indicators").map((s) => s.name) : [];
  const [sheet, setSheet] = React.useState<string>("");
  const [columns, setColumns] = React.useState({ planPercent: "", previous: "" });
  const [step, setStep] = React.useState<"closed" | "columns" | "overwrite">("closed");
  if (!session) return <p>{t.openFirst}</p>;

  const chosen = sheet || sheets[0];
  const openDialog = () => {
    // Proposed columns: the first two after everything the sheet uses.
    const snap = session.snapshot.sheets.find((s) => s.name === chosen);
    const width = Math.max(0, ...(snap?.values ?? []).map((r) => r.length));
    setColumns({ planPercent: columnLetters(width), previous: columnLetters(width + 1) });
    setStep("columns");
  };
  const letter = (v: string) => (/^[A-Z]{1,3}$/.test(v) ? v : null);
  const planned = chosen
    ? comparisonColumns(session.snapshot, session.analysis, chosen, {
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
        <span>{t.indicators(session.analysis.indicators.length)}</span>
        <Button onClick={openDialog} disabled={sheets.length === 0}>
          {t.writeColumns}
        </Button>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell}>{t.colName}</th>
            <th className={styles.cell}>{t.colPlanPercent}</th>
            <th className={styles.cell}>{t.colChange}</th>
            <th className={styles.cell}>{t.colEvaluation}</th>
          </tr>
        </thead>
        <tbody>
          {session.analysis.indicators.slice(0, 500).map((i) => (
            <tr key={`${i.sheet}!${i.row}`}>
              <td className={styles.cell} style={{ paddingLeft: `${4 + 10 * Math.max(0, i.level - 1)}px` }}>
                {i.name}
              </td>
              <td className={mergeClasses(styles.cell, styles.number)}>{pct(i.planPercent)}</td>
              <td className={mergeClasses(styles.cell, styles.number)}>{change(i, t)}</td>
              <td className={styles.cell}>{i.evaluation ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
}
