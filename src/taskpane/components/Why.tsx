// "Vì sao?": the rule behind a finding explained with the finding's own figures (its message), the
// rule's explanation and what to do, the same words as the help page. Loaded when first asked.

import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { RuleHelp } from "../../help/ruleHelp";
import type { Lang, Strings } from "../strings";

const useStyles = makeStyles({
  box: {
    margin: "2px 0 6px",
    padding: "6px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  line: { margin: "0 0 4px" },
});

export function Why({
  id,
  rule,
  message,
  t,
  lang,
}: {
  id: string;
  rule: string;
  message: string;
  t: Strings;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const [help, setHelp] = React.useState<RuleHelp | null | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    void import("../../help/ruleHelp").then(({ ruleHelp }) => live && setHelp(ruleHelp(rule)));
    return () => {
      live = false;
    };
  }, [rule]);
  const vi = lang === "vi";
  return (
    <div id={id} className={styles.box} role="note" aria-live="polite">
      <p className={styles.line}>{message}</p>
      {help && (
        <>
          <p className={styles.line}>
            <strong>
              {t.ruleLooks}: {vi ? help.name : help.nameEn}.
            </strong>{" "}
            {vi ? help.description : help.descriptionEn}
          </p>
          {help.todo && (
            <p className={styles.line}>
              <strong>{t.whatToDo}:</strong> {vi ? help.todo : help.todoEn}
            </p>
          )}
        </>
      )}
    </div>
  );
}
