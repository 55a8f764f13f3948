// An abortable wait whose timer is always cleared.
import { clearTimeout, setTimeout } from "node:timers";
import { AbortError } from "../errors/index.js";

/** Resolves after `ms`; rejects with AbortError (cause = `signal.reason`) as soon as `signal` aborts. */
export function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  during: string,
): Promise<void> {
  if (signal?.aborted)
    return Promise.reject(new AbortError(signal.reason, during));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(signal?.reason, during));
    };
    // Not unref'd: a backoff is real work in progress and must keep the process alive.
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
