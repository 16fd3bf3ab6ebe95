/**
 * Runs `work` every `everyMs`, one run at a time, so a slow run never overlaps the next; `stop()`
 * waits for the run in progress. The timer does not keep the process alive on its own.
 */
export function runEvery(everyMs: number, work: () => Promise<unknown>, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(work).catch(onError);
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
