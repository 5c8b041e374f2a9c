import { isRunning } from '../store/store-lock';

/**
 * Calls `stop` once the process that started this one is gone (it was killed, or exited without stopping us), checking
 * every `intervalMs`: a server started by `npm start` must not outlive it and keep the store locked. Returns a function
 * that stops watching.
 */
export function exitWithParent(stop: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (isRunning(parent)) return;
    clearInterval(timer);
    stop();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
