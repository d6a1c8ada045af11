// jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses; a no-op stands in.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Waits in the panel tests are for states ("the dialog's textbox is there"), never for a time; the
// ceiling is generous because a loaded two-core machine can take seconds to get there (Fluent's
// focus manager updates aria-hidden on a timer when a dialog opens).
if (typeof window !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@testing-library/react").configure({ asyncUtilTimeout: 15000 });
}
