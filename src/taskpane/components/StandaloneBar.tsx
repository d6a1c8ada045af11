// Outside Office: open an .xlsx, see its sheets in a simple read-only grid (the selected finding's
// cell highlighted, marks coloured; collapsible, and never taking the findings off-screen: only the
// grid's own box scrolls to a cell), download the workbook with what chitieu added.

import { Button, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatCompact } from "../../core/model/numbers";
import { address, cellText, columnLetters, type CellValue, type WorkbookSnapshot } from "../../core/model/snapshot";
import { MARK_COLORS } from "../../hosts/host";
import type { StandaloneHost } from "../../hosts/standalone";
import type { Lang, Strings } from "../strings";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  grid: { overflow: "auto", maxHeight: "35vh", border: `1px solid ${tokens.colorNeutralStroke2}`, position: "relative" },
  file: { overflowWrap: "anywhere", margin: 0 },
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

/** A cell as the official reads it: numbers in the pane's language (4.227,9), text as written. */
function shown(value: CellValue | undefined, lang: Lang): string {
  return typeof value === "number" && Number.isFinite(value) ? formatCompact(value, 10, lang) : cellText(value);
}

/** The grid starts folded in a pane too narrow for it and the findings together. */
const narrow = () => typeof window !== "undefined" && window.matchMedia?.("(max-width: 480px)").matches === true;

export interface StandaloneBarProps {
  host: StandaloneHost;
  t: Strings;
  lang: Lang;
  onOpened(snapshot: WorkbookSnapshot): void;
  onError(error: unknown): void;
}

export function StandaloneBar({ host, t, lang, onOpened, onError }: StandaloneBarProps): React.JSX.Element {
  const styles = useStyles();
  const state = React.useSyncExternalStore(host.subscribe, host.getState);
  /** The sheet shown: the official's choice, until a finding elsewhere is gone to. */
  const [sheet, setSheet] = React.useState<string | null>(null);
  const [gridShown, setGridShown] = React.useState(() => !narrow());
  const [fileName, setFileName] = React.useState<string | null>(null);
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  const gridRef = React.useRef<HTMLDivElement | null>(null);
  const shownSheet = sheet ?? state.selection?.sheet ?? state.snapshot?.sheets[0]?.name ?? null;

  React.useEffect(() => {
    if (state.selection) setSheet(state.selection.sheet);
  }, [state.selection]);
  React.useEffect(() => {
    // Only the grid's box scrolls: scrollIntoView would scroll the pane too, and the findings with it.
    const cell = selectedRef.current;
    const box = gridRef.current;
    if (!cell || !box) return;
    box.scrollTop = cell.offsetTop - box.clientHeight / 2 + cell.offsetHeight / 2;
    box.scrollLeft = cell.offsetLeft - box.clientWidth / 2 + cell.offsetWidth / 2;
  }, [state.selection, shownSheet, gridShown]);

  const open = async (file: File) => {
    try {
      onOpened(await host.open(file.name, new Uint8Array(await file.arrayBuffer())));
      setSheet(null);
      setFileName(file.name);
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
        <FilePicker label={t.chooseFile} testId="file-input" onFiles={([file]) => void open(file)} />
        <Button onClick={download} disabled={!state.snapshot}>
          {t.download}
        </Button>
        {state.snapshot && (
          <Button aria-expanded={gridShown} aria-controls="chitieu-grid" onClick={() => setGridShown(!gridShown)}>
            {gridShown ? t.hideGrid : t.showGrid}
          </Button>
        )}
      </div>
      {fileName && <p className={styles.file}>{t.openedFile(fileName)}</p>}
      {state.snapshot && gridShown && (
        <div id="chitieu-grid">
          <Select aria-label={t.sheet} value={shownSheet ?? ""} onChange={(_, d) => setSheet(d.value)}>
            {state.snapshot.sheets.map((s) => (
              <option key={s.name}>{s.name}</option>
            ))}
          </Select>
          {snap && (
            <div ref={gridRef} className={styles.grid} role="region" aria-label={shownSheet ?? ""} tabIndex={0}>
              <table className={styles.table} data-sheet={snap.name}>
                <thead>
                  <tr>
                    <th className={mergeClasses(styles.cell, styles.head)} />
                    {Array.from({ length: COLS }, (_, c) => (
                      <th key={c} scope="col" className={mergeClasses(styles.cell, styles.head)}>
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
                        <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                          {r + 1}
                        </th>
                        {Array.from({ length: COLS }, (_, c) => {
                          const at = address(r, c);
                          const selected = state.selection?.sheet === snap.name && state.selection.address === at;
                          const mark = state.marks.get(`${snap.name}!${at}`);
                          return (
                            <td
                              key={c}
                              ref={selected ? selectedRef : undefined}
                              data-cell={at}
                              data-selected={selected || undefined}
                              aria-current={selected || undefined}
                              className={mergeClasses(styles.cell, selected && styles.selected)}
                              style={mark ? { backgroundColor: MARK_COLORS[mark], color: "#000" } : undefined}
                            >
                              {shown(row[c], lang)}
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
      )}
    </div>
  );
}
