// What the mark colours mean: the same colours as the marks in Excel and in the standalone grid.

import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { MARK_COLORS } from "../../hosts/host";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  legend: { display: "flex", gap: "10px", flexWrap: "wrap", alignItems: "center", fontSize: tokens.fontSizeBase200, margin: 0, padding: 0 },
  item: { display: "flex", gap: "4px", alignItems: "center", listStyle: "none" },
  swatch: { width: "14px", height: "14px", border: `1px solid ${tokens.colorNeutralStroke1}`, display: "inline-block" },
});

export function Legend({ t }: { t: Strings }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label={t.legend}>
      <li className={styles.item}>{t.legend}:</li>
      {(["error", "warning", "info"] as const).map((s) => (
        <li key={s} className={styles.item} data-legend={s}>
          <span className={styles.swatch} style={{ backgroundColor: MARK_COLORS[s] }} aria-hidden="true" />
          {t[s]}
        </li>
      ))}
    </ul>
  );
}
