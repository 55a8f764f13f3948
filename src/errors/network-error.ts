// A request that never got an HTTP answer.
import { XMediaError } from "./x-media-error.js";
import { describeTarget, type RequestTarget } from "./target.js";

/** How the transport failed, as classified by the HTTP layer. */
export interface NetworkErrorDetails {
  /** The system error code, e.g. `ECONNRESET`. */
  code?: string | undefined;
  /** Short, redacted description of the failure. @default the code, else the innermost message */
  reason?: string | undefined;
  /** Whether another attempt may succeed. @default true */
  retryable?: boolean | undefined;
  /** What the caller can do. */
  hint?: string | undefined;
}

/** The connection failed (reset, refused, DNS, TLS) before X answered; transient failures are retried first. */
export class NetworkError extends XMediaError {
  override name = "NetworkError" as const;
  /** The system error code when there is one, e.g. `ECONNRESET`. */
  readonly code: string | undefined;
  /** Whether the failure is transient (reset, timeout) and was retried; false for refused, unknown host, TLS, bad port. */
  readonly retryable: boolean;

  constructor(
    target: RequestTarget,
    cause: unknown,
    details: NetworkErrorDetails = {},
  ) {
    const code = details.code ?? systemCode(cause);
    const retryable = details.retryable ?? true;
    const reason = details.reason ?? code ?? innermostMessage(cause);
    const hint =
      details.hint ??
      (retryable
        ? "Check connectivity and `baseUrl`; the request was retried before giving up."
        : "Check `baseUrl` and connectivity; this failure is not transient, so it was not retried.");
    super(
      `${describeTarget(target)} failed: network error (${reason}). ${hint}`,
      {
        cause,
        target,
      },
    );
    this.code = code;
    this.retryable = retryable;
  }
}

// Duck-typed, not instanceof: undici's errors may come from another realm (vm contexts, jest).
type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown };

/** The first system or undici error code (`ECONNRESET`, `UND_ERR_SOCKET`) along the `cause` chain. */
export function systemCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; isObject(e) && depth < 5; depth++) {
    if (typeof e.code === "string" && /^E[A-Z_]+$|^UND_ERR/.test(e.code))
      return e.code;
    e = e.cause;
  }
  return undefined;
}

/** The message of the deepest `cause` (undici wraps the real failure in "fetch failed"). */
export function innermostMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; isObject(e) && isObject(e.cause) && depth < 5; depth++)
    e = e.cause;
  return isObject(e) && typeof e.message === "string" ? e.message : String(e);
}

function isObject(e: unknown): e is ErrorLike {
  return typeof e === "object" && e !== null;
}
