// Kiểm tra: findings grouped by sheet and severity with counts, a severity filter, a click goes
// to the cell, next/previous, ignore with a reason, marks in the grid, export as a sheet.

import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { findingsSheet } from "../../core/fill/extra";
import type { Finding, Severity } from "../../core/model/findings";
import type { WorkbookHost } from "../../hosts/host";
import type { Actions, Session } from "../session";
import type { Lang, Strings } from "../strings";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  sheet: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { display: "flex", gap: "6px", alignItems: "flex-start" },
  finding: {
    flexGrow: 1,
    textAlign: "left",
    justifyContent: "flex-start",
    whiteSpace: "normal",
    height: "auto",
    padding: "4px 6px",
    fontWeight: tokens.fontWeightRegular,
  },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: "6px" },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

export interface CheckPanelProps {
  t: Strings;
  lang: Lang;
  session: Session | null;
  host: Pick<WorkbookHost, "mark" | "clearMarks">;
  actions: Actions;
}

export function CheckPanel({ t, lang, session, host, actions }: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  const [current, setCurrent] = React.useState(-1);
  const [ignoring, setIgnoring] = React.useState<Finding | null>(null);
  const [reason, setReason] = React.useState("");

  const visible = (session?.analysis.open ?? []).filter((f) => shown[f.severity]);
  const go = (index: number) => {
    if (visible.length === 0) return;
    const i = (index + visible.length) % visible.length;
    setCurrent(i);
    void actions.select(visible[i]);
  };
  const counts = (list: readonly Finding[]) => SEVERITIES.map((s) => [s, list.filter((f) => f.severity === s).length] as const);
  const bySheet = new Map<string, Finding[]>();
  for (const f of visible) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);

  return (
    <section aria-label={t.tabCheck}>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void actions.check()}>
          {t.runCheck}
        </Button>
        {session && (
          <>
            <Button onClick={() => go(current - 1)} disabled={visible.length === 0}>
              {t.previous}
            </Button>
            <Button onClick={() => go(current + 1)} disabled={visible.length === 0}>
              {t.next}
            </Button>
          </>
        )}
      </div>
      {session && (
        <>
          <div className={styles.bar} role="group" aria-label="severity">
            {counts(session.analysis.open).map(([s, n]) => (
              <Checkbox
                key={s}
                checked={shown[s]}
                onChange={(_, d) => setShown({ ...shown, [s]: d.checked === true })}
                label={`${t[s]} (${n})`}
              />
            ))}
          </div>
          <p>
            {session.analysis.open.length === 0 ? t.noFindings : t.findings(session.analysis.open.length)}
            {session.analysis.ignored.length > 0 ? ` · ${t.ignored(session.analysis.ignored.length)}` : ""}
          </p>
          {[...bySheet].map(([sheet, list]) => (
            <div key={sheet}>
              <h2 className={styles.sheet}>
                {sheet}{" "}
                {counts(list)
                  .filter(([, n]) => n > 0)
                  .map(([s, n]) => (
                    <Badge key={s} appearance="tint" color={BADGE[s]}>
                      {n}
                    </Badge>
                  ))}
              </h2>
              <ul className={styles.list}>
                {list.map((f) => {
                  const i = visible.indexOf(f);
                  return (
                    <li key={`${f.rule}|${f.cell}|${i}`} className={styles.item}>
                      <Button
                        appearance="subtle"
                        className={mergeClasses(styles.finding, i === current && styles.current)}
                        data-finding={`${f.sheet}!${f.cell}`}
                        onClick={() => go(i)}
                      >
                        <span>
                          <Badge appearance="filled" color={BADGE[f.severity]}>
                            {t[f.severity]}
                          </Badge>{" "}
                          <span className={styles.cell}>{f.cell}</span>
                          {lang === "vi" ? f.message : f.messageEn}
                        </span>
                      </Button>
                      <Button
                        size="small"
                        appearance="transparent"
                        onClick={() => {
                          setIgnoring(f);
                          setReason("");
                        }}
                      >
                        {t.ignore}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          <div className={styles.bar}>
            <Button onClick={() => void actions.busy(t.working, () => host.mark(session.analysis.open))}>{t.markCells}</Button>
            <Button onClick={() => void actions.busy(t.working, () => host.clearMarks())}>{t.clearMarks}</Button>
            <Button
              onClick={() =>
                void actions.apply({ sheets: [findingsSheet(session.snapshot, session.analysis.open, session.analysis.reportYear)] })
              }
            >
              {t.exportFindings}
            </Button>
          </div>
        </>
      )}
      <Dialog open={ignoring !== null} onOpenChange={(_, d) => !d.open && setIgnoring(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.ignoreTitle}</DialogTitle>
            <DialogContent>
              <p>{ignoring ? `${ignoring.sheet}!${ignoring.cell}: ${lang === "vi" ? ignoring.message : ignoring.messageEn}` : ""}</p>
              <Field label={t.ignoreReason} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setIgnoring(null)}>
                {t.cancel}
              </Button>
              <Button
                appearance="primary"
                disabled={reason.trim() === ""}
                onClick={() => {
                  const f = ignoring;
                  setIgnoring(null);
                  if (f) void actions.ignore(f, reason.trim());
                }}
              >
                {t.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
