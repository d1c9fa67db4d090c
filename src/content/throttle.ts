/**
 * Runs `run` at most once every `everyMs`: a call when the last run is old enough runs at once; calls that
 * come sooner are folded into one run when the interval is up. `run` reads the state when it runs, so the
 * folded run reports the latest state and the last change is never lost.
 */
export function throttle(run: () => void, everyMs: number): { call(): void; cancel(): void } {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runNow = () => {
    timer = undefined;
    lastRun = performance.now();
    run();
  };
  return {
    call() {
      if (timer !== undefined) return; // a run is due already
      const wait = lastRun + everyMs - performance.now();
      if (wait <= 0) runNow();
      else timer = setTimeout(runNow, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
