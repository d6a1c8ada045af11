// Kỳ trước: the open workbook against earlier reports the official chooses (.xlsx files, read in
// the analysis worker): how each stands to this one, the problems between them with both cells (the
// current one a click away), and the pairs of indicators compared, which the official can undo or
// set by hand; the comparison runs again with them, and again after each check of the workbook.

import { Badge, Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { PairOverride } from "../../core/compare";
import type { EarlierFile, PaneComparison } from "../analysis/protocol";
import type { Actions, Session } from "../session";
import type { Lang, Strings } from "../strings";
import { BusyButton } from "./BusyButton";
import { BADGE } from "./CheckPanel";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "4px 0" },
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", margin: "6px 0", alignItems: "end" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: "4px", overflowWrap: "anywhere" },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: "2px 0" },
  message: { margin: "2px 0" },
  select: { maxWidth: "100%" },
});

export interface ComparePanelProps {
  t: Strings;
  lang: Lang;
  session: Session | null;
  actions: Actions;
}

/** The pairs with the one for this indicator of the current report (in this earlier file) replaced. */
function withPair(pairs: readonly PairOverride[], next: PairOverride): PairOverride[] {
  const same = (p: PairOverride) =>
    p.file === next.file &&
    p.current.sheet === next.current.sheet &&
    p.current.row === next.current.row &&
    p.current.line === next.current.line;
  return [...pairs.filter((p) => !same(p)), next];
}

/** An indicator by its place and name: a pair set on one workbook names nothing in another. */
const ref = (i: { sheet: string; row: number; line: number; name: string }) => ({ sheet: i.sheet, row: i.row, line: i.line, name: i.name });
const key = (i: { sheet: string; row: number; line: number }) => `${i.sheet}\u0000${i.row}\u0000${i.line}`;

/** Drawn again only when its own props change (App keeps its actions stable). */
export const ComparePanel = React.memo(function ComparePanel({ t, lang, session, actions }: ComparePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [earlier, setEarlier] = React.useState<EarlierFile[]>([]);
  const [pairs, setPairs] = React.useState<PairOverride[]>([]);
  const [result, setResult] = React.useState<PaneComparison | null>(null);
  /** The pairing form of each earlier report: the current indicator and the earlier one chosen. */
  const [choice, setChoice] = React.useState<Record<string, { current: string; earlier: string }>>({});

  /** Compares with these files and pairs; false when it could not (a file that is no report): nothing changes then. */
  const run = React.useCallback(
    async (files: EarlierFile[], overrides: PairOverride[]): Promise<boolean> => {
      if (!session) return false;
      if (files.length === 0) {
        setResult(null);
        return true;
      }
      const compared = await actions.busy(t.working, () => actions.compare(session, files, overrides));
      if (compared) setResult(compared);
      return compared !== undefined;
    },
    [session, actions, t],
  );
  // Each new check of the workbook (an edit, another year) is compared again with the same reports.
  const latest = React.useRef({ earlier, pairs, run });
  latest.current = { earlier, pairs, run };
  React.useEffect(() => {
    const { earlier: files, pairs: overrides, run: again } = latest.current;
    setResult(null);
    if (session && files.length > 0) void again(files, overrides);
  }, [session]);

  const change = async (files: EarlierFile[], overrides: PairOverride[]) => {
    if (!(await run(files, overrides))) return;
    setEarlier(files);
    setPairs(overrides);
  };
  const add = async (list: File[]) => {
    const chosen = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const kept = earlier.filter((e) => !chosen.some((c) => c.name === e.name));
    await change([...kept, ...chosen], pairs);
  };

  return (
    <section aria-label={t.compareTitle}>
      <h2 className={styles.heading}>{t.compareTitle}</h2>
      <p>{t.compareIntro}</p>
      {!session && <p>{t.compareFirst}</p>}
      <div className={styles.bar}>
        <FilePicker
          label={t.chooseEarlier}
          testId="earlier-input"
          multiple
          waitsForWork
          disabled={!session}
          onFiles={(files) => void add(files)}
        />
      </div>
      {result && (
        <>
          <ul className={styles.list} data-testid="earlier-reports">
            {result.earlier.map((e) => (
              <li key={e.file} className={styles.item}>
                <strong>{e.file}</strong>
                <p className={styles.note}>{t.earlierLine(e.period, e.reportYear, t.relation[e.relation], e.matched)}</p>
                <BusyButton
                  size="small"
                  onClick={() =>
                    void change(
                      earlier.filter((f) => f.name !== e.file),
                      pairs.filter((p) => p.file !== e.file),
                    )
                  }
                >
                  {t.removeEarlier(e.file)}
                </BusyButton>
              </li>
            ))}
          </ul>
          <p aria-live="polite">{result.findings.length === 0 ? t.noCrossFindings : t.crossFindings(result.findings.length)}</p>
          <ul className={styles.list} data-testid="cross-findings">
            {result.findings.map((f, i) => {
              const [here, ...there] = f.places;
              return (
                <li key={`${f.rule}|${here.sheet}|${here.cell}|${i}`} className={styles.item}>
                  <div className={styles.note}>
                    <Badge appearance="filled" color={BADGE[f.severity]}>
                      {t[f.severity]}
                    </Badge>{" "}
                    {f.rule}
                  </div>
                  <p className={styles.message}>{lang === "vi" ? f.message : f.messageEn}</p>
                  {there.map((p) => (
                    <p key={`${p.file}|${p.sheet}|${p.cell}`} className={styles.note}>
                      {t.earlierCell(p.file, p.sheet, p.cell)}
                    </p>
                  ))}
                  <Button size="small" onClick={() => void actions.select(here)}>
                    {t.goToCell(`${here.sheet}!${here.cell}`)}
                  </Button>
                </li>
              );
            })}
          </ul>
          {result.earlier.map((e, i) => {
            if (e.relation === "unrelated") return null;
            const paired = new Set(e.pairs.map((p) => key(p.current)));
            const unpaired = (session?.analysis.indicators ?? []).filter((r) => !paired.has(key(r)));
            const offered = result.indicators[i];
            const form = choice[e.file] ?? { current: "", earlier: "" };
            const setForm = (next: Partial<typeof form>) => setChoice({ ...choice, [e.file]: { ...form, ...next } });
            return (
              <details key={e.file}>
                <summary>
                  {e.file}: {t.pairsTitle(e.pairs.length)}
                </summary>
                <ul className={styles.list}>
                  {e.pairs.map((p) => (
                    <li key={key(p.current)} className={styles.item}>
                      <p className={styles.message}>
                        {p.current.name} ↔ {p.earlier.name}
                      </p>
                      <p className={styles.note}>
                        {p.current.sheet}!{p.current.row} ↔ {p.earlier.sheet}!{p.earlier.row} ({t.pairBy[p.by]})
                      </p>
                      <BusyButton
                        size="small"
                        onClick={() => void change(earlier, withPair(pairs, { current: ref(p.current), earlier: null, file: e.file }))}
                      >
                        {t.unpair}
                      </BusyButton>
                    </li>
                  ))}
                </ul>
                <p>{t.unpairedTitle(unpaired.length)}</p>
                <div className={styles.bar}>
                  <Field label={t.currentIndicator}>
                    <Select className={styles.select} value={form.current} onChange={(_, d) => setForm({ current: d.value })}>
                      <option value="">{t.noPair}</option>
                      {unpaired.map((r, k) => (
                        <option key={key(r)} value={String(k)}>
                          {r.name} ({r.sheet}!{r.row})
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t.pairWith}>
                    <Select className={styles.select} value={form.earlier} onChange={(_, d) => setForm({ earlier: d.value })}>
                      <option value="">{t.noPair}</option>
                      {offered.map((r, k) => (
                        <option key={key(r)} value={String(k)}>
                          {r.name} ({r.unit}; {r.sheet}!{r.row})
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <BusyButton
                    disabled={form.current === "" || form.earlier === ""}
                    onClick={() => {
                      setForm({ current: "", earlier: "" });
                      const [now, then] = [unpaired[Number(form.current)], offered[Number(form.earlier)]];
                      void change(earlier, withPair(pairs, { current: ref(now), earlier: ref(then), file: e.file }));
                    }}
                  >
                    {t.pair}
                  </BusyButton>
                </div>
              </details>
            );
          })}
        </>
      )}
    </section>
  );
});
