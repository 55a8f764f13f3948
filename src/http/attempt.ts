// One HTTP attempt under the caller's signal, a whole-request timeout and a stall watchdog;
// whatever it throws comes out as an error of our tree.
import { clearTimeout, setTimeout } from "node:timers";
import {
  AbortError,
  TimeoutError,
  describeTarget,
  isXMediaError,
  type RequestTarget,
  type XMediaError,
} from "../errors/index.js";
import { transportError } from "./transport.js";

/** Time limits of one attempt. */
export interface AttemptLimits {
  /** Abort if the whole request (body and answer) takes longer. */
  requestTimeoutMs: number;
  /** Abort if the request body stops moving for this long (X's think time is not a stall). */
  stallTimeoutMs: number;
}

/** What an attempt runs under. */
export interface AttemptScope {
  limits: AttemptLimits;
  /** The caller's (or the upload's) signal. */
  signal?: AbortSignal | undefined;
  /** Credential values never to show in messages. */
  secrets?: readonly string[] | undefined;
}

/** Handed to the request: the signal to pass to fetch, and the body's progress. */
export interface AttemptControl {
  signal: AbortSignal;
  /** Body bytes moved: (re)starts the stall watchdog. */
  touch: () => void;
  /** The body is all sent: from here until the answer only `requestTimeoutMs` applies. */
  sent: () => void;
}

/** Runs `send` once; maps aborts, timeouts, stalls and transport failures into XMediaErrors. */
export async function attempt<T>(
  target: RequestTarget,
  scope: AttemptScope,
  send: (control: AttemptControl) => Promise<T>,
): Promise<T> {
  const { limits, signal: parent, secrets = [] } = scope;
  if (parent?.aborted)
    throw new AbortError(parent.reason, target.operation, target);
  const controller = new AbortController();
  const fail = (error: TimeoutError) => controller.abort(error);
  const onParentAbort = () => controller.abort(parent?.reason);
  parent?.addEventListener("abort", onParentAbort, { once: true });
  const requestTimer = setTimeout(
    () => fail(timeout(target, "request", limits.requestTimeoutMs)),
    limits.requestTimeoutMs,
  );
  // A socket keeps the process alive while a request runs; the timers must not.
  requestTimer.unref();
  let stallTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () => fail(timeout(target, "stall", limits.stallTimeoutMs)),
      limits.stallTimeoutMs,
    );
    stallTimer.unref();
  };
  const sent = () => clearTimeout(stallTimer);
  try {
    return await send({ signal: controller.signal, touch, sent });
  } catch (error) {
    throw classify(error, target, controller.signal, parent, secrets);
  } finally {
    clearTimeout(requestTimer);
    clearTimeout(stallTimer);
    parent?.removeEventListener("abort", onParentAbort);
  }
}

function classify(
  error: unknown,
  target: RequestTarget,
  signal: AbortSignal,
  parent: AbortSignal | undefined,
  secrets: readonly string[],
): XMediaError {
  if (parent?.aborted)
    return new AbortError(parent.reason, target.operation, target);
  if (signal.aborted && signal.reason instanceof TimeoutError)
    return signal.reason;
  if (isXMediaError(error)) return error;
  return transportError(target, error, secrets);
}

function timeout(
  target: RequestTarget,
  kind: "request" | "stall",
  ms: number,
): TimeoutError {
  const what =
    kind === "request"
      ? `did not complete within requestTimeoutMs (${ms} ms)`
      : `sent no body bytes for stallTimeoutMs (${ms} ms)`;
  const fix =
    kind === "request"
      ? "raise `requestTimeoutMs` or lower `segmentBytes` on slow links"
      : "check the connection, or raise `stallTimeoutMs`";
  return new TimeoutError(
    `${describeTarget(target)} ${what}; it was retried before giving up. To fix: ${fix}.`,
    { kind, timeoutMs: ms, target },
  );
}
