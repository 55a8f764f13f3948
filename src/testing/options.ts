// The one options type of startFakeXServer (defaults documented here, resolved in resolve-options.ts).
import type { OAuth1Credentials } from "../auth/oauth1.js";
import type {
  FakeOperation,
  FakeRequestRecord,
  FakeUpload,
  FaultRule,
  ProcessingFailure,
  RandomFaults,
} from "./types.js";
import type { MediaKind } from "./categories.js";
import type { AccountTier } from "../media/category.js";

/** Options of {@link startFakeXServer}; every field is optional. */
export interface FakeXServerOptions {
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** Port; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Largest APPEND `media` part accepted; larger ones get 413. X asks for ≤ 5 MB per segment and its server takes
   * up to 8 MB (X in 2026; README "Size limits"), counted like its other limits in MiB.
   * @default 8388608
   */
  maxSegmentBytes?: number;
  /**
   * The account the requests come from: X's size limits follow it (tweet_video 8 GB, 16 GB with Premium;
   * dm_video 512 MB, 1 GB with Premium), as in the library's `SIZE_LIMITS`.
   * @default "standard"
   */
  accountTier?: AccountTier;
  /**
   * `total_bytes` limits per kind, checked at INITIALIZE; a kind given here overrides the tier's limit for every
   * category of that kind (raise `video` for multi-GiB benchmarks, lower one to test a refusal).
   * @default the tier's limits: image 5 MiB, gif 15 MiB, subtitles 1 MiB, video by category, model 16 GiB (the spec's total_bytes maximum)
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
    /** Integer `check_after_secs` answered while not done; `null` leaves the field out. @default 1 */
    checkAfterSecs?: number | null;
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
