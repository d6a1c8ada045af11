// Under Jest there are no module URLs and no workers: the pane's analyser runs in the page.
export function startWorker(): null {
  return null;
}
