// Choosing .xlsx files: the browser's own file button hidden, Fluent's button opening it, so that
// the pane looks alike in every browser and theme.

import { Button, makeStyles } from "@fluentui/react-components";
import * as React from "react";
import { BusyButton } from "./BusyButton";

const useStyles = makeStyles({
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const XLSX_TYPES =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

export interface FilePickerProps {
  label: string;
  /** For tests and the browser tests: the hidden input's data-testid. */
  testId: string;
  onFiles(files: File[]): void;
  multiple?: boolean;
  disabled?: boolean;
  /** Whether the button waits while the pane works (a file to compare with), or not (a file to open instead). */
  waitsForWork?: boolean;
}

export function FilePicker({
  label,
  testId,
  onFiles,
  multiple = false,
  disabled = false,
  waitsForWork = false,
}: FilePickerProps): React.JSX.Element {
  const styles = useStyles();
  const inputRef = React.useRef<HTMLInputElement | null>(null);
  const ChosenButton = waitsForWork ? BusyButton : Button;
  return (
    <>
      <input
        ref={inputRef}
        className={styles.hidden}
        type="file"
        multiple={multiple}
        tabIndex={-1}
        aria-hidden="true"
        accept={XLSX_TYPES}
        data-testid={testId}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // The same file chosen again is a change too.
          e.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <ChosenButton appearance="primary" disabled={disabled} onClick={() => inputRef.current?.click()}>
        {label}
      </ChosenButton>
    </>
  );
}
