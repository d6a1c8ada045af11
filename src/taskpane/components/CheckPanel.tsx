// Kiểm tra: findings grouped by sheet with counts of what is listed, a severity filter, a click
// goes to the cell, next/previous, "Vì sao?", ignore with a reason and restore, marks with their
// legend, export as a sheet. The view (filter, finding in hand, list) lives in App, kept across tabs.

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
  Input,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { findingsSheet } from "../../core/fill/extra";
import type { Finding, Severity } from "../../core/model/findings";
import { cellMarks, type WorkbookHost } from "../../hosts/host";
import { findingKey, type Actions, type FindingsView, type Session } from "../session";
import type { Lang, Strings } from "../strings";
import { BusyButton } from "./BusyButton";
import { Legend } from "./Legend";
import { Why } from "./Why";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  sheet: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { display: "flex", gap: "4px", alignItems: "flex-start", flexWrap: "wrap" },
  finding: {
    flexGrow: 1,
    flexBasis: "200px",
    minWidth: 0,
    textAlign: "left",
    justifyContent: "flex-start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    height: "auto",
    padding: "4px 6px",
    fontWeight: tokens.fontWeightRegular,
  },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: "6px" },
  why: { flexBasis: "100%" },
  meta: { margin: "2px 0", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
export const BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

export interface CheckPanelProps {
  t: Strings;
  lang: Lang;
  session: Session | null;
  host: Pick<WorkbookHost, "mark" | "clearMarks">;
  actions: Actions;
  view: FindingsView;
  onView(view: FindingsView): void;
}

const NAME_KEY = "chitieu.ignoredBy";

/** The name the official gave last time, remembered on this computer only. */
function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Drawn again only when its own props change (App keeps its actions stable). */
export const CheckPanel = React.memo(function CheckPanel({
  t,
  lang,
  session,
  host,
  actions,
  view,
  onView,
}: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [ignoring, setIgnoring] = React.useState<Finding | null>(null);
  const [reason, setReason] = React.useState("");
  const [by, setBy] = React.useState(rememberedName);
  const [why, setWhy] = React.useState<string | null>(null);
  /** Where the keyboard was when a dialog opened, to go back there when it closes. */
  const returnFocus = React.useRef<HTMLElement | null>(null);
  const listRef = React.useRef<HTMLDivElement | null>(null);

  const open = session?.analysis.open ?? [];
  const visible = open.filter((f) => view.shown[f.severity]);
  const currentIndex = view.current === null ? -1 : visible.findIndex((f) => findingKey(f) === view.current);
  const drawn = visible.slice(0, Math.max(view.limit, currentIndex + 1));

  // The finding gone to stays in sight in the list (and only the list scrolls, not the pane).
  React.useEffect(() => {
    if (view.current === null) return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>("[data-key]") ?? []);
    for (const item of items) if (item.dataset.key === view.current) item.scrollIntoView?.({ block: "nearest" });
  }, [view.current]);

  const go = (index: number) => {
    if (visible.length === 0) return;
    const i = (index + visible.length) % visible.length;
    onView({ ...view, current: findingKey(visible[i]) });
    void actions.select(visible[i]);
  };
  const counts = (list: readonly Finding[]) => SEVERITIES.map((s) => [s, list.filter((f) => f.severity === s).length] as const);
  const bySheet = new Map<string, Finding[]>();
  for (const f of drawn) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const closeDialog = () => {
    setIgnoring(null);
    // The dialog was opened from a button that may be gone (its finding ignored): the list then.
    const target = returnFocus.current?.isConnected ? returnFocus.current : listRef.current;
    setTimeout(() => target?.focus(), 0);
  };
  const confirmIgnore = () => {
    const f = ignoring;
    if (!f) return;
    const name = by.trim();
    try {
      localStorage.setItem(NAME_KEY, name);
    } catch {
      // Private mode: the name is simply not remembered.
    }
    // The highlight moves on to the finding after the one set aside, not to whatever takes its index.
    const at = visible.indexOf(f);
    const after = visible[at + 1] ?? visible[at - 1] ?? null;
    onView({ ...view, current: after ? findingKey(after) : null });
    closeDialog();
    void actions.ignore(f, reason.trim(), name || undefined).then(() => actions.notify(t.ignoredDone(`${f.sheet}!${f.cell}`)));
  };

  const ignored = session?.analysis.ignored ?? [];
  return (
    <section aria-label={t.tabCheck}>
      <div className={styles.bar}>
        <BusyButton appearance="primary" onClick={() => void actions.check()}>
          {t.runCheck}
        </BusyButton>
        {session && view.list === "open" && (
          <>
            <Button onClick={() => go(currentIndex - 1)} disabled={visible.length === 0}>
              {t.previous}
            </Button>
            <Button onClick={() => go(currentIndex + 1)} disabled={visible.length === 0}>
              {t.next}
            </Button>
          </>
        )}
      </div>
      {session && (
        <>
          <TabList
            size="small"
            selectedValue={view.list}
            onTabSelect={(_, d) => onView({ ...view, list: d.value as FindingsView["list"] })}
          >
            <Tab value="open">
              {t.openView} ({open.length})
            </Tab>
            <Tab value="ignored">{t.ignoredView(ignored.length)}</Tab>
          </TabList>
          {view.list === "open" ? (
            <>
              <div className={styles.bar} role="group" aria-label={t.severityFilter}>
                {counts(open).map(([s, n]) => (
                  <Checkbox
                    key={s}
                    checked={view.shown[s]}
                    onChange={(_, d) => onView({ ...view, shown: { ...view.shown, [s]: d.checked === true } })}
                    label={`${t[s]} (${n})`}
                  />
                ))}
              </div>
              <p aria-live="polite">
                {open.length === 0
                  ? t.noFindings
                  : visible.length === open.length
                    ? t.findings(open.length)
                    : t.findingsShown(visible.length, open.length)}
              </p>
              <div ref={listRef} tabIndex={-1} data-testid="findings">
                {[...bySheet].map(([sheet, list]) => (
                  <div key={sheet}>
                    <h2 className={styles.sheet}>
                      {sheet}{" "}
                      {counts(visible.filter((f) => f.sheet === sheet))
                        .filter(([, n]) => n > 0)
                        .map(([s, n]) => (
                          <Badge key={s} appearance="tint" color={BADGE[s]}>
                            {n}
                          </Badge>
                        ))}
                    </h2>
                    <ul className={styles.list}>
                      {list.map((f, k) => {
                        const key = findingKey(f);
                        const whyId = `why-${sheet}-${k}`.replace(/[^\w-]/g, "_");
                        return (
                          <li key={key} className={styles.item} data-key={key}>
                            <Button
                              appearance="subtle"
                              className={mergeClasses(styles.finding, key === view.current && styles.current)}
                              data-finding={`${f.sheet}!${f.cell}`}
                              aria-current={key === view.current || undefined}
                              onClick={() => go(visible.indexOf(f))}
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
                              aria-expanded={why === key}
                              aria-controls={why === key ? whyId : undefined}
                              onClick={() => setWhy(why === key ? null : key)}
                            >
                              {t.why}
                            </Button>
                            <Button
                              size="small"
                              appearance="transparent"
                              onClick={(e) => {
                                returnFocus.current = e.currentTarget;
                                setIgnoring(f);
                                setReason("");
                              }}
                            >
                              {t.ignore}
                            </Button>
                            {why === key && (
                              <div className={styles.why}>
                                <Why id={whyId} rule={f.rule} message={lang === "vi" ? f.message : f.messageEn} t={t} lang={lang} />
                              </div>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </div>
              {drawn.length < visible.length && (
                <Button onClick={() => onView({ ...view, limit: drawn.length + 100 })}>
                  {t.showMore(Math.min(100, visible.length - drawn.length), visible.length - drawn.length)}
                </Button>
              )}
              <Legend t={t} />
              <div className={styles.bar}>
                <BusyButton
                  onClick={() =>
                    void actions.busy(t.working, () => host.mark(open)).then(() => actions.notify(t.marked(cellMarks(open).size)))
                  }
                >
                  {t.markCells}
                </BusyButton>
                <BusyButton onClick={() => void actions.busy(t.working, () => host.clearMarks()).then(() => actions.notify(t.cleared))}>
                  {t.clearMarks}
                </BusyButton>
                <BusyButton
                  onClick={() => {
                    const sheet = findingsSheet(session.snapshot, open, session.analysis.reportYear);
                    void actions.apply({ sheets: [sheet] }).then((done) => done && actions.notify(t.created(sheet.name)));
                  }}
                >
                  {t.exportFindings}
                </BusyButton>
              </div>
            </>
          ) : ignored.length === 0 ? (
            <p>{t.noIgnored}</p>
          ) : (
            <ul className={styles.list} data-testid="ignored">
              {ignored.map(({ finding: f, ignore }) => (
                <li key={findingKey(f)} className={styles.item}>
                  <div className={styles.finding}>
                    <Badge appearance="filled" color={BADGE[f.severity]}>
                      {t[f.severity]}
                    </Badge>{" "}
                    <span className={styles.cell}>
                      {f.sheet}!{f.cell}
                    </span>
                    {lang === "vi" ? f.message : f.messageEn}
                    <p className={styles.meta}>{t.ignoredBecause(ignore.reason)}</p>
                    <p className={styles.meta}>{t.ignoredWhoWhen(ignore.by, ignore.date)}</p>
                  </div>
                  <Button
                    size="small"
                    onClick={() => void actions.restore(ignore).then(() => actions.notify(t.restored(`${f.sheet}!${f.cell}`)))}
                  >
                    {t.restore}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Dialog open={ignoring !== null} onOpenChange={(_, d) => !d.open && closeDialog()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.ignoreTitle}</DialogTitle>
            <DialogContent>
              <p>{ignoring ? `${ignoring.sheet}!${ignoring.cell}: ${lang === "vi" ? ignoring.message : ignoring.messageEn}` : ""}</p>
              <Field label={t.ignoreReason} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Field label={t.ignoreBy}>
                <Input value={by} onChange={(_, d) => setBy(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={closeDialog}>
                {t.cancel}
              </Button>
              <Button appearance="primary" disabled={reason.trim() === ""} onClick={confirmIgnore}>
                {t.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
});
