// Defaults of FakeXServerOptions, resolved in this one place, and their checks.
import type { OAuth1Credentials } from "../auth/oauth1.js";
import type { MediaKind } from "./categories.js";
import { ACCOUNT_TIERS, type AccountTier } from "../media/category.js";
import { MAX_SEGMENT_BYTES } from "../media/segments.js";
import type { FakeXServerOptions } from "./options.js";
import { DEFAULT_RATE_LIMITS } from "./rate-limit.js";
import type {
  FakeOperation,
  FakeRequestRecord,
  FakeUpload,
  FaultRule,
  ProcessingFailure,
  RandomFaults,
} from "./types.js";

/** Options with every default filled in. */
export interface ResolvedOptions {
  host: string;
  port: number;
  maxSegmentBytes: number;
  accountTier: AccountTier;
  /** Overrides per kind of the tier's limits. */
  sizeLimits: Partial<Record<MediaKind, number>>;
  expiresAfterMs: number;
  processing: {
    pendingMs: number;
    inProgressMs: number;
    checkAfterSecs: number | null;
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
  const sizeLimits = { ...options.sizeLimits };
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
      options.maxSegmentBytes ?? MAX_SEGMENT_BYTES,
      1,
      Infinity,
      true,
    ),
    accountTier: checkTier(options.accountTier ?? "standard"),
    sizeLimits,
    expiresAfterMs:
      check("expiresAfterSecs", options.expiresAfterSecs ?? 86_400, 0) * 1000,
    processing: {
      pendingMs: check("processing.pendingMs", p.pendingMs ?? 1000, 0),
      inProgressMs: check("processing.inProgressMs", p.inProgressMs ?? 2000, 0),
      // null: omit check_after_secs, as X sometimes does, so clients must fall back to a backoff.
      checkAfterSecs:
        p.checkAfterSecs === null
          ? null
          : check(
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

function checkTier(tier: AccountTier): AccountTier {
  if (!ACCOUNT_TIERS.includes(tier))
    throw new TypeError(
      `Expected \`accountTier\` to be one of ${ACCOUNT_TIERS.join(", ")}, got ${JSON.stringify(tier)}.`,
    );
  return tier;
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
