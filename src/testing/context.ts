// The state shared by a server's handlers and the per-request context they get.
import type { IncomingMessage } from "node:http";
import type { Answer } from "./answer.js";
import type { RequestBody } from "./body.js";
import type { FaultPlan } from "./fault-plan.js";
import type { ResolvedOptions } from "./resolve-options.js";
import type { SessionStore } from "./store.js";
import type {
  FakeOperation,
  FakeRequestRecord,
  ProcessingFailure,
} from "./types.js";

/** Mutable server-wide state. */
export interface ServerState {
  options: ResolvedOptions;
  store: SessionStore;
  /** Set by setProcessingFailure without a media id: uploads finalized from then on fail. */
  globalFailure: ProcessingFailure | undefined;
}

/** A request record while it is being handled. */
export type MutableRecord = {
  -readonly [K in keyof FakeRequestRecord]: FakeRequestRecord[K];
} & {
  faults: FakeRequestRecord["faults"][number][];
};

/** Everything a handler needs. */
export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  operation: FakeOperation;
  /** The `{id}` path parameter, if the route has one. */
  pathId: string | undefined;
  body: RequestBody;
  state: ServerState;
  record: MutableRecord;
  /** The fault plan, once decided. */
  plan: FaultPlan | undefined;
  /** Decides faults now (APPEND calls it once `segment_index` is known; others get it before the handler). */
  decideFaults(segmentIndex: number | undefined): FaultPlan;
}

/** A handler: applies one operation and returns its answer, or `undefined` when a fault plan answers instead. */
export type Handler = (ctx: RequestContext) => Promise<Answer | undefined>;
