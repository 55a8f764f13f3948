// Peak RSS of this process, sampled every 50 ms while a task runs.
import { clearInterval, setInterval } from "node:timers";

/** Runs `task`; returns its result and the RSS at start and at its peak, in bytes. */
export async function withRssSampling<T>(
  task: () => Promise<T>,
): Promise<{ result: T; startRss: number; peakRss: number }> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  try {
    const result = await task();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, startRss, peakRss };
  } finally {
    clearInterval(timer);
  }
}
