// Task pane entry: waits for Office, then opens the pane on Excel through Office.js, or — when the
// page runs outside Office (Office.onReady gives no host) — in standalone mode on a file the user
// opens. Language follows Office's display language where there is one, else Vietnamese (the
// pane's users are Vietnamese officials, whatever their browser's language); the theme follows
// Office's, else (Excel on the web has none) the system's colour scheme.

import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeHost } from "../excel/officeHost";
import type { WorkbookHost } from "../hosts/host";
import { StandaloneHost } from "../hosts/standalone";
import { App } from "./App";
import { pageAnalyser } from "./analysis/analyser";
import { whenOfficeReady, type OfficeStart } from "./officeReady";
import { paneIsDark, paneLanguage } from "./environment";

function start(info: OfficeStart): void {
  const container = document.getElementById("root") as HTMLElement;
  const inExcel = typeof info === "object" && info.host === Office.HostType.Excel;
  // Reading and checking run in a worker: the pane answers while a large workbook is read.
  const analyser = pageAnalyser();
  const standalone = inExcel
    ? undefined
    : new StandaloneHost(
        (bytes) => analyser.read(bytes),
        (bytes, plan, before) => analyser.write(bytes, plan, before ?? undefined),
      );
  const host: WorkbookHost = inExcel ? new OfficeHost() : (standalone as StandaloneHost);
  const lang = paneLanguage(inExcel ? Office.context.displayLanguage : null);
  const dark = paneIsDark(
    inExcel ? Office.context.officeTheme?.bodyBackgroundColor : null,
    window.matchMedia?.("(prefers-color-scheme: dark)").matches === true,
  );
  const theme = dark ? webDarkTheme : webLightTheme;
  // The page around the pane takes the theme's colour too: no white frame in dark mode.
  document.body.style.margin = "0";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App host={host} standalone={standalone} initialLang={lang} officeTimedOut={info === "timeout"} analyser={analyser} />
    </FluentProvider>,
  );
  document.body.dataset.ready = inExcel ? "excel" : "standalone";
}

// office.js did not load, or never says it is ready (its parts blocked): the pane still works on files.
void whenOfficeReady(typeof Office === "undefined" ? undefined : Office).then(start);
