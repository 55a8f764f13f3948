// Tells transport failures (no HTTP answer) from bugs in the request setup, and fatal transport
// failures (refused, unknown host, TLS, blocked port) from the rest, which are worth another attempt.
// Every message passes the redactor.
import {
  NetworkError,
  XMediaError,
  describeTarget,
  innermostMessage,
  systemCode,
  type RequestTarget,
} from "../errors/index.js";
import { redactText } from "./redact.js";

// Retrying cannot fix these. api.x.com sits behind load balancers that always accept on 443, so a
// refused connection means a wrong host or port in `baseUrl` (or a local server that is not running).
const FATAL_HINTS: Readonly<Record<string, string>> = {
  ECONNREFUSED:
    "Nothing accepted the connection: check the host and port of `baseUrl` (is the server running?). Not retried.",
  ENOTFOUND:
    "The host name does not resolve: check `baseUrl` for a typo. Not retried.",
  "bad port":
    "fetch refuses to connect to this port (a blocked port, https://fetch.spec.whatwg.org/#port-blocking): use another port in `baseUrl`. Not retried.",
};
// Node's and undici's codes for a wrong argument: a bug in the request, not the network.
const MISUSE = /^ERR_(?!TLS|SSL)|^UND_ERR_(INVALID|NOT_SUPPORTED)/;
const TLS_HINT =
  "The TLS handshake failed (certificate or protocol): check `baseUrl` and the system's certificates. Not retried.";

/** The error of our tree for a request that threw instead of answering. */
export function transportError(
  target: RequestTarget,
  error: unknown,
  secrets: readonly string[],
): XMediaError {
  const code = systemCode(error);
  // Trailing periods dropped: the message goes mid-sentence.
  const message = redactText(innermostMessage(error), secrets).replace(
    /[.\s]+$/,
    "",
  );
  const fatal =
    (code === undefined ? undefined : FATAL_HINTS[code]) ??
    FATAL_HINTS[message] ??
    (isTls(error) ? TLS_HINT : undefined);
  if (fatal !== undefined) {
    return new NetworkError(target, error, {
      code,
      reason: code ?? message,
      retryable: false,
      hint: fatal,
    });
  }
  // Resets, timeouts, hang-ups, unreachable networks: the next attempt may well get through.
  const misuse = code !== undefined && MISUSE.test(code);
  if (!misuse && (code !== undefined || isFetchFailure(error))) {
    return new NetworkError(target, error, {
      code,
      reason: code ?? message,
      retryable: true,
    });
  }
  // Not a transport failure (an invalid header value, a throwing custom fetch, a URL with
  // credentials, a wrong argument): the same request would fail the same way, so it is not retried.
  const name =
    typeof (error as { name?: unknown } | null)?.name === "string"
      ? (error as { name: string }).name
      : typeof error;
  return new XMediaError(
    `${describeTarget(target)} could not be sent: ${name}: ${message}. This is not a network failure (check the request's options, \`baseUrl\` and any custom \`fetch\`), so it was not retried.`,
    { cause: error, target },
  );
}

/** undici wraps every network failure of fetch() in TypeError("fetch failed", { cause }). */
function isFetchFailure(error: unknown): boolean {
  // Duck-typed: undici's TypeError may come from another realm (vm contexts, jest).
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === "TypeError" && e.message === "fetch failed";
}

function isTls(error: unknown): boolean {
  for (let e = error, depth = 0; depth < 5; depth++) {
    if (typeof e !== "object" || e === null) return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /CERT|TLS|SSL|SELF_SIGNED/.test(code))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
