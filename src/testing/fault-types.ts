// Public types of faults: what can go wrong, which requests it hits, and the controller to change them.
import type { FakeOperation } from "./types.js";

/** Something the fake does to a request instead of (or on top of) answering it normally. */
export type Fault =
  /** Answer this HTTP status with X's body for it (429 carries rate-limit headers, 500/503 X's legacy body). */
  | {
      kind: "status";
      status: number;
      /** For 429: seconds until `x-rate-limit-reset`, also sent as `retry-after`. @default 1 */
      retryAfterSecs?: number;
      /** `before`: the request is not applied; `after`: applied, then its answer is lost. @default "before" */
      when?: "before" | "after";
    }
  /** Destroy the socket after reading `afterBytes` of the request body (or all of it, if shorter). */
  | { kind: "reset"; /** @default 0 */ afterBytes?: number }
  /** Read the request, never answer; `close()` still ends it. */
  | { kind: "stall" }
  /** Wait `ms` before answering. */
  | { kind: "latency"; ms: number }
  /** Read the request body at most `bytesPerSecond`. */
  | { kind: "bandwidth"; bytesPerSecond: number }
  /** Answer 200 with `{errors:[…]}` and no `data`. */
  | { kind: "errors200"; /** @default "before" */ when?: "before" | "after" }
  /** Answer a non-JSON nginx-style HTML 502 page. */
  | { kind: "html502"; /** @default "before" */ when?: "before" | "after" }
  /** Apply the request, answer its usual body with another 2xx status (e.g. FINALIZE answering 201). */
  | { kind: "successStatus"; status: number }
  /** Apply the request, answer an empty 204. */
  | { kind: "empty204" };

/** A scripted fault: which requests it hits and how often. */
export interface FaultRule {
  /** Operations it applies to. @default every operation */
  operation?: FakeOperation | readonly FakeOperation[];
  /** Only requests about this media id. */
  mediaId?: string;
  /** Only APPENDs of this `segment_index`. */
  segmentIndex?: number;
  /**
   * Only the n-th attempt (1-based): per media id and segment index for APPEND,
   * per media id for other operations on a media id, per operation for INIT/one-shot.
   */
  attempt?: number;
  /** How many requests it hits before it is used up. @default 1 */
  times?: number;
  fault: Fault;
}

/** A fault applied at random to a share of the requests. */
export interface RandomFault {
  /** Probability from 0 to 1 per matching request. */
  rate: number;
  fault: Fault;
  /** Operations it applies to. @default every operation */
  operation?: FakeOperation | readonly FakeOperation[];
}

/** Seeded random faults: the same seed gives the same faults for the same requests, whatever their order. */
export interface RandomFaults {
  seed: number;
  faults: readonly RandomFault[];
}

/** Adds and removes faults on a running server. */
export interface FaultController {
  /** Adds scripted rules (checked in the order added). */
  add(...rules: FaultRule[]): void;
  /** Sets (or with `null` removes) the random faults. */
  setRandom(random: RandomFaults | null): void;
  /** Removes every rule and the random faults. */
  clear(): void;
  /** Rules not used up yet, with `remaining` hits. */
  readonly pending: readonly (FaultRule & { remaining: number })[];
}
