// Báo cáo: pick a built-in template or a template sheet of the workbook, preview the narrative,
// generate the report into a new sheet, copy the text.

import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { BUILT_IN_TEMPLATES, fillSource, fillTemplate, isTemplateSheet, narrative, narrativeText } from "../../core/fill";
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
}

export function ReportPanel({ t, session, actions }: ReportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [template, setTemplate] = React.useState("bao-cao");
  const [problems, setProblems] = React.useState<TemplateProblem[]>([]);
  const items = React.useMemo(() => (session ? narrative(fillSource(session.snapshot, session.analysis)) : []), [session]);
  if (!session) return <p>{t.openFirst}</p>;
  const templateSheets = session.snapshot.sheets.filter(isTemplateSheet).map((s) => s.name);

  const generate = async () => {
    const user = session.snapshot.sheets.find((s) => s.name === template && isTemplateSheet(s));
    const result = user
      ? fillTemplate(session.snapshot, session.analysis, { sheet: user, from: "workbook" })
      : fillTemplate(session.snapshot, session.analysis, template);
    setProblems(result.problems);
    if (!result.plan) return;
    if (await actions.apply(result.plan)) actions.notify(t.created(result.plan.sheets[0].name));
  };
  const copy = async () => {
    // The copy names what it leaves out (narrativeText's last line), and so does the notice.
    await actions.busy(t.working, () => navigator.clipboard.writeText(narrativeText(items)));
    const withheld = items.filter((i) => i.kind === "error").length;
    actions.notify(withheld > 0 ? t.copiedWithheld(withheld) : t.copied);
  };

  return (
    <section aria-label={t.tabReport}>
      <Field label={t.template}>
        <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
          {BUILT_IN_TEMPLATES.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.id})
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
        <Button appearance="primary" onClick={() => void generate()}>
          {t.generate}
        </Button>
        <Button onClick={() => void copy()}>{t.copyText}</Button>
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
      <div className={styles.preview} data-testid="narrative">
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
    </section>
  );
}
