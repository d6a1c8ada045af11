// Outside Office: open an .xlsx, see its sheets in a simple read-only grid (the selected finding's
// cell highlighted, marks coloured), download the workbook with what chitieu added.

import { Button, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { address, cellText, columnLetters, type WorkbookSnapshot } from "../../core/model/snapshot";
import { MARK_COLORS } from "../../hosts/host";
import type { StandaloneHost } from "../../hosts/standalone";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  grid: { overflow: "auto", maxHeight: "40vh", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "1px 3px",
    maxWidth: "180px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, textAlign: "center" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

const ROWS = 150;
const COLS = 16;

export interface StandaloneBarProps {
  host: StandaloneHost;
  t: Strings;
  onOpened(snapshot: WorkbookSnapshot): void;
  onError(error: unknown): void;
}

export function StandaloneBar({ host, t, onOpened, onError }: StandaloneBarProps): React.JSX.Element {
  const styles = useStyles();
  const state = React.useSyncExternalStore(host.subscribe, host.getState);
  const [sheet, setSheet] = React.useState<string | null>(null);
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  const shownSheet = state.selection?.sheet ?? sheet ?? state.snapshot?.sheets[0]?.name ?? null;

  React.useEffect(() => {
    if (state.selection) setSheet(state.selection.sheet);
    selectedRef.current?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [state.selection]);

  const open = async (file: File) => {
    try {
      onOpened(await host.open(file.name, new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      onError(error);
    }
  };
  const download = () => {
    const result = host.result();
    if (!result) return;
    const url = URL.createObjectURL(
      new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = result.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const snap = state.snapshot?.sheets.find((s) => s.name === shownSheet) ?? null;
  const selectedRow = state.selection?.sheet === shownSheet ? Number(/\d+$/.exec(state.selection.address)?.[0] ?? 1) - 1 : 0;
  const first = Math.max(0, selectedRow - Math.floor(ROWS / 2));
  return (
    <div>
      <p>{t.standalone}</p>
      <div className={styles.bar}>
        <label>
          <span className="visually-hidden">{t.open}</span>
          <input
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label={t.open}
            onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])}
          />
        </label>
        <Button onClick={download} disabled={!state.snapshot}>
          {t.download}
        </Button>
        {state.snapshot && (
          <Select aria-label={t.sheet} value={shownSheet ?? ""} onChange={(_, d) => setSheet(d.value)}>
            {state.snapshot.sheets.map((s) => (
              <option key={s.name}>{s.name}</option>
            ))}
          </Select>
        )}
      </div>
      {snap && (
        <div className={styles.grid} role="region" aria-label={shownSheet ?? ""}>
          <table className={styles.table} data-sheet={snap.name}>
            <thead>
              <tr>
                <th className={mergeClasses(styles.cell, styles.head)} />
                {Array.from({ length: COLS }, (_, c) => (
                  <th key={c} className={mergeClasses(styles.cell, styles.head)}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snap.values.slice(first, first + ROWS).map((row, k) => {
                const r = first + k;
                return (
                  <tr key={r}>
                    <th className={mergeClasses(styles.cell, styles.head)}>{r + 1}</th>
                    {Array.from({ length: COLS }, (_, c) => {
                      const at = address(r, c);
                      const selected = state.selection?.sheet === snap.name && state.selection.address === at;
                      const mark = state.marks.get(`${snap.name}!${at}`);
                      return (
                        <td
                          key={c}
                          ref={selected ? selectedRef : undefined}
                          data-cell={at}
                          aria-selected={selected || undefined}
                          className={mergeClasses(styles.cell, selected && styles.selected)}
                          style={mark ? { backgroundColor: MARK_COLORS[mark], color: "#000" } : undefined}
                        >
                          {cellText(row[c])}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
