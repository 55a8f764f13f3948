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

function systemCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    e = e.cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
