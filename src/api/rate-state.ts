// X's rate limits are per user and per endpoint (docs.x.com/x-api/fundamentals/rate-limits): one gate per
// operation, shared by every upload of a client, so a 429 on APPEND pauses every upload's APPENDs and nothing else.
import type {
  OperationName,
  RateLimitInfo,
  RequestTarget,
  XApiError,
} from "../errors/index.js";
import { RateGate } from "./rate-gate.js";

/**
 * Where a client keeps what X said about its rate limits; in-process by default, shared across processes by
 * `x-media-upload/redis`. `record` and `hold` may return a promise (a shared store writing in the background):
 * the library never awaits it and ignores its rejection, so an implementation reports its own failures.
 */
export interface RateState {
  /**
   * Resolves once `target.operation` may be sent; rejects with RateLimitError when that is more than `maxWaitMs`
   * away. Every request it lets through must be ended by exactly one {@link RateState.record}.
   */
  acquire(
    target: RequestTarget,
    signal: AbortSignal | undefined,
    maxWaitMs: number,
  ): Promise<void>;
  /** Ends a request: its answer's `x-rate-limit-*` headers, or undefined when it got no answer. */
  record(
    operation: OperationName,
    info: RateLimitInfo | undefined,
  ): void | Promise<void>;
  /** Keeps `operation` closed until `untilMs` (epoch ms); `cause` is the 429 that asked for it, if one did. */
  hold(
    operation: OperationName,
    untilMs: number,
    cause?: XApiError,
  ): void | Promise<void>;
  /** Epoch ms until which a hold keeps `operation` closed (0 if none did). */
  pausedUntil(operation: OperationName): number;
}

/** What the client runtime tells a {@link RateStateFactory}: the account its requests run as. */
export interface RateStateAccount {
  /** A one-way hash naming the account (32 hex digits), never the token: safe in shared keys. */
  identity: string;
}

/** Builds the rate state of one client, for the account it runs as (`x-media-upload/redis` returns one). */
export type RateStateFactory = (account: RateStateAccount) => RateState;

/** Runs a `record` or `hold` without waiting for it: a rejection of a shared store must not fail a request. */
export function inBackground(result: void | Promise<void>): void {
  if (result) Promise.resolve(result).catch(() => {});
}

/** The in-process rate state: one {@link RateGate} per operation. */
export function createRateState(now: () => number = Date.now): RateState {
  const gates = new Map<OperationName, RateGate>();
  const gate = (operation: OperationName) => {
    let g = gates.get(operation);
    if (!g) gates.set(operation, (g = new RateGate(now)));
    return g;
  };
  return {
    acquire: (target, signal, maxWaitMs) =>
      gate(target.operation).wait(signal, maxWaitMs, target),
    record: (operation, info) => gate(operation).note(info),
    hold: (operation, untilMs, cause) => gate(operation).pause(untilMs, cause),
    pausedUntil: (operation) => gate(operation).until,
  };
}
