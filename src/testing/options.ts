// The one options type of startFakeXServer, its defaults, and their validation.
import type { OAuth1Credentials } from "../auth/oauth1.js";
import type {
  FakeOperation,
  FakeRequestRecord,
  FakeUpload,
  FaultRule,
  ProcessingFailure,
  RandomFaults,
} from "./types.js";
import { DEFAULT_SIZE_LIMITS, type MediaKind } from "./categories.js";
import { DEFAULT_RATE_LIMITS } from "./rate-limit.js";

/** Options of {@link startFakeXServer}; every field is optional. */
export interface FakeXServerOptions {
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** Port; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Largest APPEND `media` part accepted; larger ones get 413.
   * X documents "≤ 5 MB" per chunk and writes 5 MB as 5,242,880 bytes (its image limit); its tools send 4 MiB.
   * @default 5242880
   */
  maxSegmentBytes?: number;
  /**
   * `total_bytes` limits per kind, checked at INITIALIZE (raise `video` for multi-GiB benchmarks).
   * @default { image: 5242880, gif: 15728640, video: 536870912, subtitles: 5242880, model: 536870912 }
   */
  sizeLimits?: Partial<Record<MediaKind, number>>;
  /** Session lifetime answered as `expires_after_secs`; fractions expire sessions sub-second for tests. @default 86400 */
  expiresAfterSecs?: number;
  /** Video and GIF processing after FINALIZE. */
  processing?: {
    /** Time in `pending`. @default 1000 */
    pendingMs?: number;
    /** Time in `in_progress` (progress_percent rising) before `succeeded` or `failed`. @default 2000 */
    inProgressMs?: number;
    /** Integer `check_after_secs` answered while not done. @default 1 */
    checkAfterSecs?: number;
    /** Fail processing when the bytes do not look like the declared media type (and FINALIZE of images). @default true */
    validateMedia?: boolean;
    /** Decides a failure for an upload at FINALIZE; return `undefined` to let it succeed. */
    fail?: (upload: FakeUpload) => ProcessingFailure | undefined;
  };
  /** Credentials accepted; when a list is absent, any token (or well-formed OAuth 1.0a header) passes. */
  auth?: {
    /** OAuth 2 bearer token → its scopes (`media.write` needed). */
    bearerTokens?: Readonly<Record<string, readonly string[]>>;
    /** OAuth 1.0a credentials whose signatures are verified. */
    oauth1?: readonly OAuth1Credentials[];
  };
  /**
   * Per user per operation limits of a window; X's numbers by default.
   * @default { windowMs: 900000, limits: { initialize/append/finalize: 1875, status: 1000, others: 500 } }
   */
  rateLimits?: {
    windowMs?: number;
    limits?: Partial<Record<FakeOperation, number>>;
  };
  /** Scripted faults (also `server.faults.add`). @default [] */
  faults?: readonly FaultRule[];
  /** Seeded random faults (also `server.faults.setRandom`). */
  randomFaults?: RandomFaults;
  /** Parent of the temp dir segments spill into. @default os.tmpdir() */
  tempDir?: string;
  /** Called with each request's record once it is answered, reset or stalled. */
  onRequest?: (record: FakeRequestRecord) => void;
  /** Receives one line per request, e.g. `console.log`. */
  log?: (line: string) => void;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  host: string;
  port: number;
  maxSegmentBytes: number;
  sizeLimits: Record<MediaKind, number>;
  expiresAfterMs: number;
  processing: {
    pendingMs: number;
    inProgressMs: number;
    checkAfterSecs: number;
    validateMedia: boolean;
    fail: ((upload: FakeUpload) => ProcessingFailure | undefined) | undefined;
  };
  auth: {
    bearerTokens: ReadonlyMap<string, readonly string[]> | undefined;
    oauth1: readonly OAuth1Credentials[] | undefined;
  };
  rateLimits: { windowMs: number; limits: Record<FakeOperation, number> };
  faults: readonly FaultRule[];
  randomFaults: RandomFaults | undefined;
  tempDir: string | undefined;
  onRequest: ((record: FakeRequestRecord) => void) | undefined;
  log: ((line: string) => void) | undefined;
}

/** Applies defaults and checks values; throws a `TypeError` naming the option. */
export function resolveOptions(
  options: FakeXServerOptions = {},
): ResolvedOptions {
  const p = options.processing ?? {};
  const sizeLimits = { ...DEFAULT_SIZE_LIMITS, ...options.sizeLimits };
  for (const [kind, limit] of Object.entries(sizeLimits))
    check(`sizeLimits.${kind}`, limit, 0);
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits?.limits };
  for (const [op, limit] of Object.entries(limits))
    check(`rateLimits.limits.${op}`, limit, 0);
  return {
    host: options.host ?? "127.0.0.1",
    port: check("port", options.port ?? 0, 0, 65535, true),
    maxSegmentBytes: check(
      "maxSegmentBytes",
      options.maxSegmentBytes ?? 5 * 1024 * 1024,
      1,
      Infinity,
      true,
    ),
    sizeLimits,
    expiresAfterMs:
      check("expiresAfterSecs", options.expiresAfterSecs ?? 86_400, 0) * 1000,
    processing: {
      pendingMs: check("processing.pendingMs", p.pendingMs ?? 1000, 0),
      inProgressMs: check("processing.inProgressMs", p.inProgressMs ?? 2000, 0),
      checkAfterSecs: check(
        "processing.checkAfterSecs",
        p.checkAfterSecs ?? 1,
        0,
        Infinity,
        true,
      ),
      validateMedia: p.validateMedia ?? true,
      fail: p.fail,
    },
    auth: {
      bearerTokens: options.auth?.bearerTokens
        ? new Map(Object.entries(options.auth.bearerTokens))
        : undefined,
      oauth1: options.auth?.oauth1,
    },
    rateLimits: {
      windowMs: check(
        "rateLimits.windowMs",
        options.rateLimits?.windowMs ?? 900_000,
        1,
      ),
      limits,
    },
    faults: options.faults ?? [],
    randomFaults: options.randomFaults,
    tempDir: options.tempDir,
    onRequest: options.onRequest,
    log: options.log,
  };
}

function check(
  name: string,
  value: number,
  min: number,
  max = Infinity,
  integer = false,
): number {
  if (
    typeof value !== "number" ||
    Number.isNaN(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new TypeError(
      `Expected \`${name}\` to be ${integer ? "an integer" : "a number"} ${range}, got ${String(value)}.`,
    );
  }
  return value;
}
