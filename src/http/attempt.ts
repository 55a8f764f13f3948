// One HTTP attempt under the caller's signal, a whole-request timeout and a stall watchdog;
// whatever it throws comes out as an error of our tree.
import { clearTimeout, setTimeout } from "node:timers";
import {
  AbortError,
  NetworkError,
  TimeoutError,
  describeTarget,
  isXMediaError,
  type RequestTarget,
  type XMediaError,
} from "../errors/index.js";

/** Time limits of one attempt. */
export interface AttemptLimits {
  /** Abort if the whole request (body and answer) takes longer. */
  requestTimeoutMs: number;
  /** Abort if no byte moves for this long. */
  stallTimeoutMs: number;
}

/** Handed to the request: the signal to pass to fetch and `touch()` to call whenever bytes move. */
export interface AttemptControl {
  signal: AbortSignal;
  touch: () => void;
}

/** Runs `send` once; maps aborts, timeouts, stalls and network failures into XMediaErrors. */
export async function attempt<T>(
  target: RequestTarget,
  limits: AttemptLimits,
  parent: AbortSignal | undefined,
  send: (control: AttemptControl) => Promise<T>,
): Promise<T> {
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
  let stallTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () => fail(timeout(target, "stall", limits.stallTimeoutMs)),
      limits.stallTimeoutMs,
    );
    stallTimer.unref();
  };
  // A socket keeps the process alive while a request runs; the timers must not.
  requestTimer.unref();
  touch();
  try {
    return await send({ signal: controller.signal, touch });
  } catch (error) {
    throw classify(error, target, controller.signal, parent);
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
): XMediaError {
  if (parent?.aborted)
    return new AbortError(parent.reason, target.operation, target);
  if (signal.aborted && signal.reason instanceof TimeoutError)
    return signal.reason;
  if (isXMediaError(error)) return error;
  return new NetworkError(target, error);
}

function timeout(
  target: RequestTarget,
  kind: "request" | "stall",
  ms: number,
): TimeoutError {
  const what =
    kind === "request"
      ? `did not complete within requestTimeoutMs (${ms} ms)`
      : `moved no bytes for stallTimeoutMs (${ms} ms)`;
  const fix =
    kind === "request"
      ? "raise `requestTimeoutMs` or lower `segmentBytes` on slow links"
      : "check the connection, or raise `stallTimeoutMs`";
  return new TimeoutError(
    `${describeTarget(target)} ${what}; it was retried before giving up. To fix: ${fix}.`,
    { kind, timeoutMs: ms, target },
  );
}
