// The pane: report year and period, then five panels — Kiểm tra, Chỉ tiêu, Báo cáo, Lời văn, Kỳ
// trước. The App holds the session (snapshot, analysis, ignores) and the findings view, and hands
// each panel its data and its actions; only the host talks to the workbook, and reading and checking run in
// the analyser (a worker), with a progress bar that can cancel them. A panel, once opened, stays
// mounted (hidden) so that its filter, text and scroll are where the official left them.

import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { applyIgnores, ignoreKey } from "../core/model/ignores";
import { monthsPeriod, type Period } from "../core/model/period";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { HostError, type WorkbookHost } from "../hosts/host";
import type { StandaloneHost } from "../hosts/standalone";
import { CheckPanel } from "./components/CheckPanel";
import { IndicatorsPanel } from "./components/IndicatorsPanel";
import { ReportPanel } from "./components/ReportPanel";
import { StandaloneBar } from "./components/StandaloneBar";
import { TextPanel } from "./components/TextPanel";
import { ComparePanel } from "./components/ComparePanel";
import { WorkingContext } from "./components/BusyButton";
import { Cancelled, pageAnalyser, type Analyser } from "./analysis/analyser";
import { STRINGS, type Lang, type Strings } from "./strings";
import type { Analysis } from "../core/model/indicator";
import { FIRST_VIEW, type Actions, type FindingsView, type Session } from "./session";

export type { Actions, Session } from "./session";

type TabName = "check" | "indicators" | "report" | "text" | "compare";

const TABS: ReadonlyArray<[TabName, "tabCheck" | "tabIndicators" | "tabReport" | "tabText" | "tabCompare"]> = [
  ["check", "tabCheck"],
  ["indicators", "tabIndicators"],
  ["report", "tabReport"],
  ["text", "tabText"],
  ["compare", "tabCompare"],
];

/** Work in progress: what it is, how far (when known), whether it can be cancelled. */
interface Progress {
  label: string;
  done?: number;
  total?: number;
  cancel?: () => void;
}

const WELCOMED = "chitieu.welcomed";

function storedFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  row: { display: "flex", gap: "8px", alignItems: "end", flexWrap: "wrap" },
  year: { width: "96px" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  progress: { display: "flex", gap: "8px", alignItems: "center" },
  progressBar: { flexGrow: 1 },
  // Five tabs across a 350-pixel pane: small and close together, and room to scroll sideways
  // should a font be wider.
  tabs: { overflowX: "auto", flexShrink: 0 },
  tab: { paddingLeft: "4px", paddingRight: "4px", minWidth: 0 },
});

export interface AppProps {
  host: WorkbookHost;
  standalone?: StandaloneHost;
  initialLang: Lang;
  /** Office never said it was ready: the pane runs on files and says why. */
  officeTimedOut?: boolean;
  /** Reads and checks off the main thread; the page's own when not given. */
  analyser?: Analyser;
}

/** Any error as one message in each language: a host's own, or an unexpected one with its detail. */
function explainError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const detail = String((error as Error)?.message ?? error);
  const [vi, en] = [STRINGS.vi, STRINGS.en];
  return new HostError(vi.unexpected, vi.unexpectedAdvice(detail), en.unexpected, en.unexpectedAdvice(detail));
}

export function App({ host, standalone, initialLang, officeTimedOut = false, analyser: given }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [analyser] = React.useState(() => given ?? pageAnalyser());
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const [tab, setTab] = React.useState<TabName>("check");
  /** Panels opened so far: they stay mounted, hidden, to keep their state. */
  const [opened, setOpened] = React.useState<ReadonlySet<TabName>>(() => new Set(["check"]));
  const scrolls = React.useRef(new Map<TabName, number>());
  const [view, setView] = React.useState<FindingsView>(FIRST_VIEW);
  const [welcomed, setWelcomed] = React.useState(() => storedFlag(WELCOMED));
  const [year, setYear] = React.useState("");
  const [session, setSessionNow] = React.useState<Session | null>(null);
  // A new session redraws every panel: in a transition, which React draws in slices that let the
  // pane answer input meanwhile (the work under way ends in the same transition, once drawn).
  const setSession = React.useCallback((next: Session) => React.startTransition(() => setSessionNow(next)), []);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const progressShown = React.useRef(false);
  /** How far the work had got when last told, shown once half a second has passed. */
  const latestProgress = React.useRef<Progress | null>(null);
  /** Work under way, for the progress bar (the state `working` is for what is drawn). */
  const active = React.useRef(0);
  /** Work under way (the pane says aria-busy meanwhile). */
  const [working, setWorking] = React.useState(0);
  const [error, setError] = React.useState<HostError | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  /** The last write can still be taken back. */
  const [undoable, setUndoable] = React.useState(false);
  /** "" = as the workbook says; "12" = the whole year; "1"–"11" = that many months. */
  const [period, setPeriod] = React.useState("");
  const yearRef = React.useRef(year);
  yearRef.current = year;
  const periodRef = React.useRef(period);
  periodRef.current = period;

  /** Shows how far work has got, once it has lasted half a second. */
  const report = React.useCallback((next: Progress) => {
    latestProgress.current = next;
    if (progressShown.current) setProgress(next);
  }, []);

  const busy = React.useCallback(async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setError(null);
    setNotice(null);
    setWorking((n) => n + 1);
    // The bar stays while any work is under way: a click during a long check (going to a finding)
    // neither takes it away nor its "Huỷ".
    if (active.current++ === 0) {
      progressShown.current = false;
      latestProgress.current = null;
    }
    // The indicator shows only for work that lasts more than half a second.
    const timer = setTimeout(() => {
      if (progressShown.current) return;
      progressShown.current = true;
      setProgress(latestProgress.current ?? { label });
    }, 500);
    try {
      return await work();
    } catch (e) {
      if (e instanceof Cancelled) setNotice(STRINGS[langRef.current].cancelled);
      else setError(explainError(e));
      return undefined;
    } finally {
      clearTimeout(timer);
      const last = --active.current === 0;
      if (last) progressShown.current = false;
      React.startTransition(() => {
        if (last) setProgress(null);
        setWorking((n) => n - 1);
      });
    }
  }, []);
  const langRef = React.useRef(lang);
  langRef.current = lang;

  const analyse = React.useCallback(
    async (snapshot: WorkbookSnapshot): Promise<Session> => {
      const reportYear = /^\d{4}$/.test(yearRef.current) ? Number(yearRef.current) : null;
      const ignores = await host.loadIgnores();
      const period = periodOption(periodRef.current);
      const cancel = () => analyser.cancel();
      const label = (done: number, total: number) => STRINGS[langRef.current].checking(done, total);
      const analysis = await analyser.check(snapshot, { reportYear, period, ignores }, (done, total) =>
        report({ label: label(done, total), done, total, cancel }),
      );
      if (!analysis.sheets.some((s) => s.status === "indicators")) {
        // A year the official typed that matches no column: say which year the workbook holds.
        const asStated = reportYear === null ? null : await analyser.check(snapshot, { reportYear: null, period });
        const stated = asStated?.sheets.some((s) => s.status === "indicators") ? asStated.reportYear : null;
        const [vi, en] = [STRINGS.vi, STRINGS.en];
        if (reportYear !== null && stated !== null)
          throw new HostError(
            vi.yearNoColumn(reportYear, stated),
            vi.yearNoColumnAdvice(stated),
            en.yearNoColumn(reportYear, stated),
            en.yearNoColumnAdvice(stated),
          );
        throw new HostError(vi.noIndicatorSheet, vi.noIndicatorAdvice, en.noIndicatorSheet, en.noIndicatorAdvice);
      }
      if (!yearRef.current && analysis.reportYear) setYear(String(analysis.reportYear));
      return { snapshot, analysis, ignores };
    },
    [host, analyser, report],
  );

  const check = React.useCallback(async () => {
    await busy(t.working, async () => {
      report({ label: STRINGS[langRef.current].reading });
      setSession(await analyse(await host.read()));
    });
  }, [busy, analyse, host, t, report, setSession]);

  /** Saves the ignores and sets the findings aside (or back) at once, without checking again. */
  const saveIgnores = async (ignores: Session["ignores"]) => {
    if (!session) return;
    await busy(t.working, async () => {
      await host.saveIgnores(ignores);
      setSession({ ...session, ignores, analysis: { ...session.analysis, ...applyIgnores(session.analysis.findings, ignores) } });
    });
  };

  const current: Actions = {
    busy,
    check,
    apply: async (plan) => {
      const done = await busy(t.working, async () => {
        await host.apply(plan);
        setUndoable(true);
        setSession(await analyse(await host.read()));
        return true;
      });
      return done === true;
    },
    select: async (f) => {
      await busy(t.working, () => host.select(f.sheet, f.cell));
    },
    ignore: async (finding, reason, by) => {
      if (!session) return;
      const date = new Date().toISOString().slice(0, 10);
      const ignore = { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, reason, date, ...(by ? { by } : {}) };
      await saveIgnores([...session.ignores, ignore]);
    },
    narrative: (s, count) => analyser.narrative(s.analysis, count),
    // Outside Excel the worker writes the plan itself: its cells need not cross to the page.
    fill: (s, template) => analyser.fill(s.analysis, template, host.kind === "excel"),
    sheetIndicators: (s, sheet) => analyser.sheetIndicators(s.analysis, sheet),
    checkText: (s, text) => analyser.checkText(s?.analysis ?? null, text),
    // The current workbook's name in the messages: the file's outside Excel.
    compare: (s, earlier, pairs) => analyser.compare(s.analysis, standalone?.name ?? t.thisWorkbook, earlier, pairs),
    restore: async (ignore) => {
      if (!session) return;
      await saveIgnores(session.ignores.filter((i) => ignoreKey(i) !== ignoreKey(ignore)));
    },
    notify: setNotice,
  };
  // The panels get actions that stay the same object (each calls the latest of this render's), so
  // that they are drawn again only when what they show changes, not when work starts or ends.
  const latestActions = React.useRef(current);
  latestActions.current = current;
  const actions = React.useMemo<Actions>(
    () => ({
      busy: (label, work) => latestActions.current.busy(label, work),
      check: () => latestActions.current.check(),
      apply: (plan) => latestActions.current.apply(plan),
      select: (finding) => latestActions.current.select(finding),
      ignore: (finding, reason, by) => latestActions.current.ignore(finding, reason, by),
      narrative: (s, count) => latestActions.current.narrative(s, count),
      fill: (s, template) => latestActions.current.fill(s, template),
      sheetIndicators: (s, sheet) => latestActions.current.sheetIndicators(s, sheet),
      checkText: (s, text) => latestActions.current.checkText(s, text),
      compare: (s, earlier, pairs) => latestActions.current.compare(s, earlier, pairs),
      restore: (ignore) => latestActions.current.restore(ignore),
      notify: (text) => latestActions.current.notify(text),
    }),
    [],
  );
  const selectedText = React.useMemo(() => (host.selectedText ? () => (host.selectedText as () => Promise<string>)() : undefined), [host]);

  /** Takes the last write back: Excel's Ctrl+Z cannot. */
  const undo = async () => {
    const done = await busy(t.working, async () => {
      const undone = await host.undo();
      setUndoable(false);
      setSession(await analyse(await host.read()));
      return undone;
    });
    if (done) setNotice(t.undone);
  };

  // Re-check when the user edits the workbook (debounced by the host, own writes skipped); once
  // the official has edited, undoing chitieu's last write could undo their edit too: it is dropped.
  const hasSession = session !== null;
  React.useEffect(() => {
    if (!hasSession || !host.onUserEdit) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void host
      .onUserEdit(() => {
        setUndoable(false);
        void check();
      })
      .then(
        (s) => (cancelled ? s() : (stop = s)),
        () => undefined,
      );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, check, hasSession]);

  const selectTab = (next: TabName) => {
    const page = document.scrollingElement;
    if (page) scrolls.current.set(tab, page.scrollTop);
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };
  // Each tab comes back at the height the official left it.
  React.useLayoutEffect(() => {
    const page = document.scrollingElement;
    if (page) page.scrollTop = scrolls.current.get(tab) ?? 0;
  }, [tab]);
  const inExcel = host.kind === "excel";

  return (
    <WorkingContext.Provider value={working > 0}>
      <div className={styles.root} lang={lang} aria-busy={working > 0}>
        <div className={styles.header}>
          <h1 className={styles.title}>{t.title}</h1>
          <Button appearance="subtle" size="small" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
            {t.language}
          </Button>
        </div>
        {standalone && (
          <StandaloneBar
            host={standalone}
            t={t}
            lang={lang}
            onOpened={(snapshot) =>
              busy(t.working, async () => {
                // Another workbook: its own year and period, not those of the one before.
                yearRef.current = "";
                periodRef.current = "";
                setUndoable(false);
                setYear("");
                setPeriod("");
                try {
                  setSession(await analyse(snapshot));
                } catch (e) {
                  // The grid shows the new file now: findings of the one before would be about another workbook.
                  setSessionNow(null);
                  throw e;
                }
              })
            }
            onError={(e) => setError(explainError(e))}
          />
        )}
        <div className={styles.row}>
          <Field label={t.year} className={styles.year}>
            <Input
              value={year}
              inputMode="numeric"
              maxLength={4}
              onChange={(_, d) => setYear(d.value.replace(/\D/g, ""))}
              onBlur={() => session && void busy(t.working, async () => setSession(await analyse(session.snapshot)))}
            />
          </Field>
          <Field label={t.period}>
            <Select
              value={period}
              onChange={(_, d) => {
                periodRef.current = d.value;
                setPeriod(d.value);
                if (session) void busy(t.working, async () => setSession(await analyse(session.snapshot)));
              }}
            >
              <option value="">{session ? `${t.fromWorkbook}: ${periodLabel(session.analysis, t)}` : t.fromWorkbook}</option>
              {Array.from({ length: 11 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {i + 1} {t.months}
                </option>
              ))}
              <option value="12">{t.wholeYear}</option>
            </Select>
          </Field>
        </div>
        {!welcomed && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.welcomeTitle}</MessageBarTitle>
              {t.welcome}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  setWelcomed(true);
                  try {
                    localStorage.setItem(WELCOMED, "1");
                  } catch {
                    // Private mode: the welcome shows again next time.
                  }
                }}
              >
                {t.gotIt}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => selectTab(d.value as TabName)}>
          {TABS.map(([name, label]) => (
            <Tab key={name} className={styles.tab} value={name}>
              {t[label]}
            </Tab>
          ))}
        </TabList>
        {progress && (
          <div className={styles.progress} data-testid="progress">
            <Field className={styles.progressBar} validationMessage={progress.label} validationState="none">
              <ProgressBar aria-label={progress.label} value={progress.total ? (progress.done ?? 0) / progress.total : undefined} max={1} />
            </Field>
            {progress.cancel && (
              <Button size="small" onClick={progress.cancel}>
                {t.cancel}
              </Button>
            )}
          </div>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{lang === "vi" ? error.reason : error.reasonEn}</MessageBarTitle>
              {lang === "vi" ? error.advice : error.adviceEn}
            </MessageBarBody>
          </MessageBar>
        )}
        {officeTimedOut && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.officeTimedOut}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {undoable && (
          <MessageBar intent="info">
            <MessageBarBody>{t.undoHint}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void undo()}>
                {t.undo}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <Kept name="check" tab={tab} opened={opened}>
          <CheckPanel t={t} lang={lang} session={session} host={host} actions={actions} view={view} onView={setView} />
        </Kept>
        <Kept name="indicators" tab={tab} opened={opened}>
          <IndicatorsPanel t={t} lang={lang} session={session} actions={actions} inExcel={inExcel} />
        </Kept>
        <Kept name="report" tab={tab} opened={opened}>
          <ReportPanel t={t} session={session} actions={actions} inExcel={inExcel} />
        </Kept>
        <Kept name="text" tab={tab} opened={opened}>
          <TextPanel t={t} lang={lang} session={session} actions={actions} selectedText={selectedText} />
        </Kept>
        <Kept name="compare" tab={tab} opened={opened}>
          <ComparePanel t={t} lang={lang} session={session} actions={actions} />
        </Kept>
      </div>
    </WorkingContext.Provider>
  );
}

/** A panel once opened stays mounted, hidden while another tab is shown, to keep its state. */
function Kept({ name, tab, opened, children }: { name: TabName; tab: TabName; opened: ReadonlySet<TabName>; children: React.ReactNode }) {
  return opened.has(name) ? <div hidden={tab !== name}>{children}</div> : null;
}

/** The period the official chose, as the core takes it; undefined leaves it to the workbook. */
function periodOption(value: string): Period | null | undefined {
  if (value === "") return undefined;
  return monthsPeriod(Number(value));
}

function periodLabel(analysis: Pick<Analysis, "sheets">, t: Strings): string {
  const sheet = analysis.sheets.find((s) => s.status === "indicators");
  const period = sheet?.period;
  return !period || period.months === 12 ? t.wholeYear : period.label;
}
