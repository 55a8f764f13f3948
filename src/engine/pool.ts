// Runs work items with bounded parallelism; the first failure cancels the rest, and every
// worker is awaited before the pool rejects, so no rejection is ever left unhandled.

/** Runs `work` on items from `next()` (undefined = no more) with up to `concurrency` workers. */
export async function runPool<T>(
  concurrency: number,
  next: () => Promise<T | undefined>,
  work: (item: T) => Promise<void>,
  cancel: (reason: unknown) => void,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (;;) {
      if (failure) return;
      const item = await next();
      if (item === undefined || failure) return;
      await work(item);
    }
  };
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    cancel(error);
  };
  await Promise.allSettled(
    Array.from({ length: concurrency }, () => worker().catch(fail)),
  );
  if (failure) throw failure.error;
}

/** Wraps `fn` so calls run one at a time, in call order (sequential stream reads). */
export function serialize<T>(fn: () => Promise<T>): () => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return () => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}
