// The pane: report year and period, then three panels — Kiểm tra, Chỉ tiêu, Báo cáo. The App
// holds the session (snapshot, analysis, ignores) and hands each panel its data and its actions;
// only the host talks to the workbook.

import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { applyIgnores } from "../core/model/ignores";
import { checkWorkbook } from "../core/check";
import { statedReportYear } from "../core/reading/workbook";
import { monthsPeriod, type Period } from "../core/model/period";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { HostError, type WorkbookHost } from "../hosts/host";
import type { StandaloneHost } from "../hosts/standalone";
import { CheckPanel } from "./components/CheckPanel";
import { IndicatorsPanel } from "./components/IndicatorsPanel";
import { ReportPanel } from "./components/ReportPanel";
import { StandaloneBar } from "./components/StandaloneBar";
import { STRINGS, type Lang, type Strings } from "./strings";
import type { Analysis } from "../core/model/indicator";
import type { Actions, Session } from "./session";

export type { Actions, Session } from "./session";

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
});

export interface AppProps {
  host: WorkbookHost;
  standalone?: StandaloneHost;
  initialLang: Lang;
  /** Office never said it was ready: the pane runs on files and says why. */
  officeTimedOut?: boolean;
}

function explainError(error: unknown, t: Strings): HostError {
  if (error instanceof HostError) return error;
  return new HostError(`${(error as Error)?.message ?? error}`, t.noIndicatorAdvice, String(error));
}

export function App({ host, standalone, initialLang, officeTimedOut = false }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const [tab, setTab] = React.useState<"check" | "indicators" | "report">("check");
  const [year, setYear] = React.useState("");
  const [session, setSession] = React.useState<Session | null>(null);
  const [progress, setProgress] = React.useState<string | null>(null);
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

  const busy = React.useCallback(
    async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      setNotice(null);
      // The indicator shows only for work that lasts more than half a second.
      const timer = setTimeout(() => setProgress(label), 500);
      try {
        return await work();
      } catch (e) {
        setError(explainError(e, t));
        return undefined;
      } finally {
        clearTimeout(timer);
        setProgress(null);
      }
    },
    [t],
  );

  const analyse = React.useCallback(
    async (snapshot: WorkbookSnapshot): Promise<Session> => {
      const reportYear = /^\d{4}$/.test(yearRef.current) ? Number(yearRef.current) : null;
      const ignores = await host.loadIgnores();
      const analysis = checkWorkbook(snapshot, { reportYear, period: periodOption(periodRef.current), ignores });
      if (!analysis.sheets.some((s) => s.status === "indicators")) {
        // A year the official typed that matches no column: say which year the workbook holds.
        const stated = reportYear === null ? null : statedReportYear(snapshot, { period: periodOption(periodRef.current) });
        if (reportYear !== null && stated !== null)
          throw new HostError(
            STRINGS[lang].yearNoColumn(reportYear, stated),
            STRINGS[lang].yearNoColumnAdvice(stated),
            "the report year matches no column",
          );
        throw new HostError(STRINGS[lang].noIndicatorSheet, STRINGS[lang].noIndicatorAdvice, "no indicator sheet found");
      }
      if (!yearRef.current && analysis.reportYear) setYear(String(analysis.reportYear));
      return { snapshot, analysis, ignores };
    },
    [host, lang],
  );

  const check = React.useCallback(async () => {
    await busy(t.working, async () => setSession(await analyse(await host.read())));
  }, [busy, analyse, host, t]);

  const actions: Actions = {
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
    ignore: async (finding, reason) => {
      if (!session) return;
      const ignores = [
        ...session.ignores,
        { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, reason, date: new Date().toISOString().slice(0, 10) },
      ];
      await busy(t.working, async () => {
        await host.saveIgnores(ignores);
        setSession({ ...session, ignores, analysis: { ...session.analysis, ...applyIgnores(session.analysis.findings, ignores) } });
      });
    },
    notify: setNotice,
  };

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

  return (
    <div className={styles.root} lang={lang}>
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
          onOpened={(snapshot) =>
            busy(t.working, async () => {
              // Another workbook: its own year and period, not those of the one before.
              yearRef.current = "";
              periodRef.current = "";
              setUndoable(false);
              setYear("");
              setPeriod("");
              setSession(await analyse(snapshot));
            })
          }
          onError={(e) => setError(explainError(e, t))}
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
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="check">{t.tabCheck}</Tab>
        <Tab value="indicators">{t.tabIndicators}</Tab>
        <Tab value="report">{t.tabReport}</Tab>
      </TabList>
      {progress && <Spinner size="tiny" label={progress} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{lang === "vi" ? error.reason : error.reasonEn}</MessageBarTitle>
            {error.advice}
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
      {tab === "check" && <CheckPanel t={t} lang={lang} session={session} host={host} actions={actions} />}
      {tab === "indicators" && <IndicatorsPanel t={t} session={session} actions={actions} />}
      {tab === "report" && <ReportPanel t={t} session={session} actions={actions} />}
    </div>
  );
}

/** The period the official chose, as the core takes it; undefined leaves it to the workbook. */
function periodOption(value: string): Period | null | undefined {
  if (value === "") return undefined;
  return monthsPeriod(Number(value));
}

function periodLabel(analysis: Analysis, t: Strings): string {
  const sheet = analysis.sheets.find((s) => s.status === "indicators");
  const period = sheet?.period;
  return !period || period.months === 12 ? t.wholeYear : period.label;
}
