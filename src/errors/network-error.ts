// A request that never got an HTTP answer.
import { XMediaError } from "./x-media-error.js";
import { describeTarget, type RequestTarget } from "./target.js";

/** The connection failed (reset, refused, DNS, TLS) before X answered; retried, then thrown. */
export class NetworkError extends XMediaError {
  override name = "NetworkError" as const;
  /** The system error code when there is one, e.g. `ECONNRESET`. */
  readonly code: string | undefined;

  constructor(target: RequestTarget, cause: unknown) {
    const code = systemCode(cause);
    const reason = code ?? innermostMessage(cause);
    super(
      `${describeTarget(target)} failed: network error (${reason}). Check connectivity and \`baseUrl\`; the request was retried before giving up.`,
      { cause, target },
    );
    this.code = code;
  }
}

// Duck-typed, not instanceof: undici's errors may come from another realm (vm contexts, jest).
type ErrorLike = { code?: unknown; cause?: unknown; message?: unknown };
const isObject = (e: unknown): e is ErrorLike =>
  typeof e === "object" && e !== null;

function systemCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; isObject(e) && depth < 5; depth++) {
    if (typeof e.code === "string" && /^E[A-Z_]+$|^UND_ERR/.test(e.code))
      return e.code;
    e = e.cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; isObject(e) && isObject(e.cause) && depth < 5; depth++)
    e = e.cause;
  return isObject(e) && typeof e.message === "string" ? e.message : String(e);
}
