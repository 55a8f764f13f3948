// Progress events for onProgress: byte and segment counts, the phase, processing percent; throttled.

/** The step an upload is in. */
export type UploadPhase =
  "initialize" | "append" | "finalize" | "processing" | "done";

/** One progress event. */
export interface UploadProgress {
  /** The step in progress. */
  readonly phase: UploadPhase;
  /** The media id, once INIT answered. */
  readonly mediaId: string | undefined;
  /** Total bytes of the media. */
  readonly totalBytes: number;
  /** Media bytes handed to the network; never decreases (re-sent bytes of a retried segment are not counted twice). */
  readonly bytesSent: number;
  /** Media bytes of the segments X acknowledged. */
  readonly bytesAcknowledged: number;
  /** Segments X acknowledged. */
  readonly segmentsDone: number;
  /** Segments in the upload. */
  readonly segmentsTotal: number;
  /** `progress_percent` of X's processing, when reported. */
  readonly processingPercent: number | undefined;
}

// At most ten events a second: enough for a progress bar, cheap for 1,000 segments.
const MIN_INTERVAL_MS = 100;

/** Tracks progress and calls `listener` at most every 100 ms, phase changes and the final event always. */
export class ProgressReporter {
  #state: { -readonly [K in keyof UploadProgress]: UploadProgress[K] };
  // Per segment in flight: bytes of this attempt, and the most any attempt sent (already counted).
  #inFlight = new Map<number, { attempt: number; counted: number }>();
  #lastEmit = -Infinity;
  #lastPhase: UploadPhase | undefined;
  /** The first error the listener threw; the upload fails with it. */
  listenerError: unknown;

  constructor(
    private readonly listener: ((progress: UploadProgress) => void) | undefined,
    totalBytes: number,
    segmentsTotal: number,
    private readonly onListenerError: (error: unknown) => void = () => {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#state = {
      phase: "initialize",
      mediaId: undefined,
      totalBytes,
      bytesSent: 0,
      bytesAcknowledged: 0,
      segmentsDone: 0,
      segmentsTotal,
      processingPercent: undefined,
    };
  }

  /** Enters `phase` (always reported). */
  phase(phase: UploadPhase, mediaId?: string): void {
    this.#state.phase = phase;
    if (mediaId !== undefined) this.#state.mediaId = mediaId;
    this.#emit(phase === "done");
  }

  /** `n` more bytes of segment `index` went out; a retry counts only what goes past its earlier attempts. */
  sent(index: number, n: number): void {
    const segment = this.#inFlight.get(index) ?? { attempt: 0, counted: 0 };
    segment.attempt += n;
    if (segment.attempt > segment.counted) {
      this.#state.bytesSent += segment.attempt - segment.counted;
      segment.counted = segment.attempt;
    }
    this.#inFlight.set(index, segment);
    this.#emit(false);
  }

  /** Segment `index` is being sent again: its bytes count again only past what was already counted. */
  restart(index: number): void {
    const segment = this.#inFlight.get(index);
    if (segment) segment.attempt = 0;
  }

  /** Counts `segments` segments of `bytes` bytes that X acknowledged before (a resumed upload), as sent and done. */
  skip(segments: number, bytes: number): void {
    this.#state.bytesSent += bytes;
    this.#state.bytesAcknowledged += bytes;
    this.#state.segmentsDone += segments;
  }

  /** X acknowledged segment `index` of `bytes` bytes. */
  acknowledged(index: number, bytes: number): void {
    this.#inFlight.delete(index);
    this.#state.bytesAcknowledged += bytes;
    this.#state.segmentsDone += 1;
    this.#emit(false);
  }

  /** X reported processing at `percent`. */
  processing(percent: number | undefined): void {
    this.#state.processingPercent = percent;
    this.#emit(false);
  }

  #emit(force: boolean): void {
    if (!this.listener || this.listenerError !== undefined) return;
    const t = this.now();
    const phaseChanged = this.#state.phase !== this.#lastPhase;
    if (!force && !phaseChanged && t - this.#lastEmit < MIN_INTERVAL_MS) return;
    this.#lastEmit = t;
    this.#lastPhase = this.#state.phase;
    try {
      this.listener({ ...this.#state });
    } catch (error) {
      this.listenerError = error;
      this.onListenerError(error);
    }
  }
}
