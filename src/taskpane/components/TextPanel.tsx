// Lời văn: the official pastes the draft narrative (or, inside Excel, takes the selected cells) and
// it is checked with the rules of `chitieu check-text`, against the open workbook when there is
// one; each finding names its paragraph and sentence, and goes to the indicator's cell it concerns.

import { Badge, Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { TextFinding } from "../../core/model/findings";
import type { Actions, Session } from "../session";
import type { Lang, Strings } from "../strings";
import { BusyButton } from "./BusyButton";
import { BADGE } from "./CheckPanel";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", flexWrap: "wrap", margin: "6px 0" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: "4px", overflowWrap: "anywhere" },
  place: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: "2px 0" },
  excerpt: { fontStyle: "italic", margin: "2px 0" },
  message: { margin: "2px 0" },
});

export interface TextPanelProps {
  t: Strings;
  lang: Lang;
  session: Session | null;
  actions: Actions;
  /** Inside Excel: the text of the selected cells, one line per row. */
  selectedText?: () => Promise<string>;
}

interface Checked {
  claims: number;
  findings: TextFinding[];
}

/** Drawn again only when its own props change (App keeps its actions stable). */
export const TextPanel = React.memo(function TextPanel({ t, lang, session, actions, selectedText }: TextPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [checked, setChecked] = React.useState<Checked | null>(null);
  // Findings of a check against another workbook (or before the workbook changed) would point to the wrong cells.
  React.useEffect(() => setChecked(null), [session?.snapshot]);

  const check = async (draft: string) => {
    const result = await actions.busy(t.working, () => actions.checkText(session, draft));
    if (result) setChecked(result);
  };
  const take = async () => {
    const taken = selectedText ? await actions.busy(t.working, selectedText) : undefined;
    if (taken === undefined) return;
    setText(taken);
    await check(taken);
  };

  return (
    <section aria-label={t.tabText}>
      <Field label={t.textLabel}>
        <Textarea value={text} resize="vertical" rows={8} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div className={styles.bar}>
        <BusyButton appearance="primary" disabled={text.trim() === ""} onClick={() => void check(text)}>
          {t.checkText}
        </BusyButton>
        {selectedText && <BusyButton onClick={() => void take()}>{t.fromSelection}</BusyButton>}
      </div>
      <p>{t.textAgainst(session?.analysis.reportYear ?? null)}</p>
      {checked && (
        <>
          <p aria-live="polite">
            {checked.findings.length === 0 ? t.noTextFindings(checked.claims) : t.textFindings(checked.findings.length, checked.claims)}
          </p>
          <ul className={styles.list} data-testid="text-findings">
            {checked.findings.map((f, i) => (
              <li key={`${f.rule}|${f.line}|${f.column}|${i}`} className={styles.item}>
                <div className={styles.place}>
                  <Badge appearance="filled" color={BADGE[f.severity]}>
                    {t[f.severity]}
                  </Badge>{" "}
                  {t.sentenceAt(f.paragraph, f.sentence)}
                </div>
                <p className={styles.excerpt}>“{f.excerpt}”</p>
                <p className={styles.message}>{lang === "vi" ? f.message : f.messageEn}</p>
                {f.sheet !== undefined && f.cell !== undefined && (
                  <Button size="small" onClick={() => void actions.select({ sheet: f.sheet as string, cell: f.cell as string })}>
                    {t.goToCell(`${f.sheet}!${f.cell}`)}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
