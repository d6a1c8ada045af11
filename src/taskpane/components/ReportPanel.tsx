// Báo cáo: pick a built-in template or a template sheet of the workbook, preview the narrative,
// generate the report into a new sheet, copy the text.

import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { BUILT_IN_TEMPLATES, isTemplateSheet } from "../../core/fill";
import { Cancelled } from "../analysis/analyser";
import type { NarrativePreview } from "../analysis/protocol";
import { BusyButton } from "./BusyButton";
import type { TemplateProblem } from "../../core/fill/placeholders";
import type { Actions, Session } from "../session";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", margin: "6px 0" },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    fontSize: tokens.fontSizeBase200,
    maxHeight: "50vh",
    overflowY: "auto",
    padding: "6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  group: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  sentence: { margin: 0 },
});

export interface ReportPanelProps {
  t: Strings;
  session: Session | null;
  actions: Actions;
  inExcel?: boolean;
}

/** Sentences drawn in the preview at first; more on request (a workbook may give thousands). */
const PREVIEW = 300;

/** Drawn again only when its own props change (App keeps its actions stable). */
export const ReportPanel = React.memo(function ReportPanel({ t, session, actions, inExcel = false }: ReportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(PREVIEW);
  const [template, setTemplate] = React.useState("bao-cao");
  const [problems, setProblems] = React.useState<TemplateProblem[]>([]);
  const [preview, setPreview] = React.useState<NarrativePreview | null>(null);
  // The sentences are written off the main thread, once per check; the page holds only those it
  // shows and the text to copy (asked again per check and per "more", not per render's actions).
  React.useEffect(() => {
    setPreview(null);
    setProblems([]);
  }, [session]);
  /** Bumped to ask again when "Huỷ" stopped the worker while it wrote the sentences. */
  const [asked, setAsked] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    // Quietly: a notice the official is reading ("Đã tạo trang …") stays.
    if (session)
      actions.narrative(session, limit).then(
        (made) => live && setPreview(made),
        (error: unknown) => live && (error instanceof Cancelled ? setAsked((n) => n + 1) : setPreview(null)),
      );
    return () => {
      live = false;
    };
  }, [session, limit, asked]);
  const items = preview?.items ?? [];
  if (!session) return <p>{inExcel ? t.openFirstExcel : t.openFirst}</p>;
  const templateSheets = session.snapshot.sheets.filter(isTemplateSheet).map((s) => s.name);
  // A template sheet chosen in a workbook opened before may not be in this one.
  const chosen = templateSheets.includes(template) || BUILT_IN_TEMPLATES.some((b) => b.id === template) ? template : "bao-cao";

  const generate = async () => {
    const user = templateSheets.includes(chosen);
    const result = await actions.busy(t.working, () => actions.fill(session, user ? { sheet: chosen } : { builtIn: chosen }));
    if (!result) return;
    setProblems(result.problems);
    if (!result.plan) return;
    if (await actions.apply(result.plan)) actions.notify(t.created(result.plan.sheets[0].name));
  };
  const copy = async () => {
    // The copy names what it leaves out (narrativeText's last line), and so does the notice.
    if (!preview) return;
    await actions.busy(t.working, () => navigator.clipboard.writeText(preview.text));
    actions.notify(preview.withheld > 0 ? t.copiedWithheld(preview.withheld) : t.copied);
  };

  return (
    <section aria-label={t.tabReport}>
      <Field label={t.template}>
        <Select value={chosen} onChange={(_, d) => setTemplate(d.value)}>
          {BUILT_IN_TEMPLATES.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          {templateSheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.bar}>
        <BusyButton appearance="primary" onClick={() => void generate()}>
          {t.generate}
        </BusyButton>
        <BusyButton disabled={!preview} onClick={() => void copy()}>
          {t.copyText}
        </BusyButton>
      </div>
      {problems.length > 0 && (
        <div role="alert">
          <p className={styles.error}>{t.templateProblems}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.cell}|${p.id}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h2 className={styles.group}>{t.preview}</h2>
      <div className={styles.preview} data-testid="narrative" role="region" aria-label={t.preview} tabIndex={0}>
        {items.map((item, i) =>
          item.kind === "group" ? (
            <p key={i} className={styles.group}>
              {item.text}
            </p>
          ) : (
            <p key={i} className={item.kind === "error" ? styles.error : styles.sentence} title={"cells" in item ? item.cells : undefined}>
              {item.text}
            </p>
          ),
        )}
      </div>
      {preview && preview.total > items.length && (
        <Button onClick={() => setLimit(limit + PREVIEW)}>
          {t.showMore(Math.min(PREVIEW, preview.total - items.length), preview.total - items.length)}
        </Button>
      )}
    </section>
  );
});
