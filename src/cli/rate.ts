// A sliding-window transfer rate, pure: samples in, bytes per second out.

/** Bytes acknowledged at a moment. */
export interface RateSample {
  atMs: number;
  bytes: number;
}

/** Appends `sample` and drops samples older than `windowMs` (keeping one as the window's start). */
export function addSample(
  samples: readonly RateSample[],
  sample: RateSample,
  windowMs = 3000,
): RateSample[] {
  const kept = [...samples, sample];
  while (kept.length > 2 && kept[1]!.atMs <= sample.atMs - windowMs)
    kept.shift();
  return kept;
}

/** Bytes per second over the window; `undefined` until 100 ms or two samples are available. */
export function rateOf(samples: readonly RateSample[]): number | undefined {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.atMs - first.atMs < 100) return undefined;
  return ((last.bytes - first.bytes) / (last.atMs - first.atMs)) * 1000;
}
