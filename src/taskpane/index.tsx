// Task pane entry: waits for Office, then opens the pane on Excel through Office.js, or — when the
// page runs outside Office (Office.onReady gives no host) — in standalone mode on a file the user
// opens. Theme and language follow Office where it says; Vietnamese by default.

import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeHost } from "../excel/officeHost";
import type { WorkbookHost } from "../hosts/host";
import { StandaloneHost } from "../hosts/standalone";
import { App } from "./App";
import { whenOfficeReady, type OfficeStart } from "./officeReady";
import type { Lang } from "./strings";

function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

function start(info: OfficeStart): void {
  const container = document.getElementById("root") as HTMLElement;
  const inExcel = typeof info === "object" && info.host === Office.HostType.Excel;
  const standalone = inExcel ? undefined : new StandaloneHost();
  const host: WorkbookHost = inExcel ? new OfficeHost() : (standalone as StandaloneHost);
  const language = inExcel ? Office.context.displayLanguage : navigator.language;
  const lang: Lang = /^en/i.test(language ?? "") ? "en" : "vi";
  const dark = inExcel
    ? isDark(Office.context.officeTheme?.bodyBackgroundColor)
    : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App host={host} standalone={standalone} initialLang={lang} officeTimedOut={info === "timeout"} />
    </FluentProvider>,
  );
  document.body.dataset.ready = inExcel ? "excel" : "standalone";
}

// office.js did not load, or never says it is ready (its parts blocked): the pane still works on files.
void whenOfficeReady(typeof Office === "undefined" ? undefined : Office).then(start);
