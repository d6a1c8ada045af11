// Waiting for Office, but not for ever: office.js whose own parts are blocked never calls back.
import { OFFICE_READY_TIMEOUT_MS, whenOfficeReady } from "../../src/taskpane/officeReady";

describe("whenOfficeReady", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("gives up after the timeout when Office never says it is ready", async () => {
    let settled: unknown = null;
    void whenOfficeReady({ onReady: () => new Promise(() => undefined) }).then((r) => (settled = r));
    await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
    expect(settled).toBeNull();
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toBe("timeout");
  });

  it("gives Office's host when Office is ready in time, and says when there is no Office", async () => {
    const ready = whenOfficeReady({
      onReady: (callback?: (info: { host: string; platform: string }) => void) => {
        setTimeout(() => callback?.({ host: "Excel", platform: "OfficeOnline" }), 100);
        return new Promise(() => undefined);
      },
    } as unknown as Pick<typeof Office, "onReady">);
    await jest.advanceTimersByTimeAsync(100);
    await expect(ready).resolves.toEqual({ host: "Excel" });
    await expect(whenOfficeReady(undefined)).resolves.toBe("no-office");
  });
});
