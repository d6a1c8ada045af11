// Waiting for Office without waiting for ever: office.js loads its own parts from Microsoft's
// servers, which filtered government networks often block; then Office.onReady never settles. After
// a while the pane opens in standalone mode and says why, rather than stay blank.

/** What Office.onReady gives, or why the pane starts without it. */
export type OfficeStart = { host: Office.HostType | null } | "no-office" | "timeout";

/** How long the pane waits for Office before it opens on files alone. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export function whenOfficeReady(
  office: Pick<typeof Office, "onReady"> | undefined,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeStart> {
  if (!office) return Promise.resolve("no-office");
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    void office.onReady((info) => {
      clearTimeout(timer);
      resolve({ host: info.host ?? null });
    });
  });
}
