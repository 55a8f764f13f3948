// Exit codes by error kind, and the JSON shape of an error for `--json`.

/** The CLI's exit codes; docs/cli.md's table lists the same. */
export const EXIT_CODES = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
  auth: 4,
  api: 5,
  processing: 6,
  network: 7,
  timeout: 8,
  rateLimit: 9,
  aborted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

// Matched by `name` (not instanceof) so errors from a second copy of the library map too.
const BY_NAME: Readonly<Record<string, ExitCode>> = {
  UsageError: EXIT_CODES.usage,
  InvalidInputError: EXIT_CODES.input,
  CredentialsError: EXIT_CODES.auth,
  RateLimitError: EXIT_CODES.rateLimit,
  ProcessingError: EXIT_CODES.processing,
  NetworkError: EXIT_CODES.network,
  TimeoutError: EXIT_CODES.timeout,
  AbortError: EXIT_CODES.aborted,
};

const FILE_ERROR_CODES = new Set([
  "ENOENT",
  "EACCES",
  "EISDIR",
  "ENOTDIR",
  "EPERM",
]);

/** Maps any thrown value to the exit code the CLI ends with. */
export function exitCodeFor(error: unknown): ExitCode {
  if (!(error instanceof Error)) return EXIT_CODES.internal;
  const byName = BY_NAME[error.name];
  if (byName !== undefined) return byName;
  if (error.name === "XApiError") {
    const status = (error as { status?: unknown }).status;
    return status === 401 || status === 403 ? EXIT_CODES.auth : EXIT_CODES.api;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && FILE_ERROR_CODES.has(code))
    return EXIT_CODES.input;
  // The library's option checks throw TypeErrors worded "Expected `x` to be …": a bad flag value.
  if (error instanceof TypeError && error.message.startsWith("Expected `"))
    return EXIT_CODES.usage;
  return EXIT_CODES.internal;
}

// Fields a command adds to its error's JSON (retry counts), kept beside the error rather than written onto it.
const EXTRA_FIELDS = new WeakMap<object, Record<string, unknown>>();

/** Adds `fields` to the `--json` output of `error`; returns `error` for rethrowing. */
export function withJsonFields(
  error: unknown,
  fields: Record<string, unknown>,
): unknown {
  if (typeof error === "object" && error !== null)
    EXTRA_FIELDS.set(error, { ...EXTRA_FIELDS.get(error), ...fields });
  return error;
}

/** The `--json` error object: `{ ok: false, error: { name, message, exitCode, status?, code?, mediaId? }, …extra }`. */
export function errorJson(error: unknown): {
  ok: false;
  error: Record<string, unknown>;
  [extra: string]: unknown;
} {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields = e as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {
    name: e.name,
    message: e.message,
    exitCode: exitCodeFor(error),
  };
  for (const key of [
    "status",
    "code",
    "kind",
    "mediaId",
    "errorName",
  ] as const) {
    const value = fields[key];
    if (typeof value === "string" || typeof value === "number")
      out[key] = value;
  }
  const target = fields.target as { mediaId?: unknown } | undefined;
  if (out.mediaId === undefined && typeof target?.mediaId === "string")
    out.mediaId = target.mediaId;
  const resetAt = fields.resetAt;
  if (resetAt instanceof Date) out.resetAt = resetAt.toISOString();
  return { ok: false, error: out, ...EXTRA_FIELDS.get(e) };
}
