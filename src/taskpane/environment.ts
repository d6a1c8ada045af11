// The pane's language and theme from where it runs. Vietnamese unless Office's display language
// says otherwise: the pane's users are Vietnamese officials, whatever their browser was set to.
// Dark when Office's theme is dark; where Office gives no theme (Excel on the web, standalone),
// as the system's colour scheme.

import type { Lang } from "./strings";

/** `officeLanguage`: Office's display language inside Office, null outside it. */
export function paneLanguage(officeLanguage: string | null | undefined): Lang {
  return /^en/i.test(officeLanguage ?? "") ? "en" : "vi";
}

function isDark(hex: string): boolean | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** `officeBackground`: the body background of Office's theme, when Office gives one. */
export function paneIsDark(officeBackground: string | null | undefined, systemDark: boolean): boolean {
  return (officeBackground ? isDark(officeBackground) : null) ?? systemDark;
}
