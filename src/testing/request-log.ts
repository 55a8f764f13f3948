// The request log and counters of one server, plus the onRequest/log hooks.
import type { IncomingMessage } from "node:http";
import type { MutableRecord } from "./context.js";
import {
  FAKE_OPERATIONS,
  type FakeCounters,
  type FakeOperation,
  type FakeRequestRecord,
} from "./types.js";

/** Records every request from arrival to its outcome. */
export class RequestLog {
  #records: MutableRecord[] = [];
  #counters = emptyCounters();
  #appendsInFlight = 0;

  constructor(
    private readonly onRequest:
      ((record: FakeRequestRecord) => void) | undefined,
    private readonly log: ((line: string) => void) | undefined,
  ) {}

  /** Starts the record of an arriving request. */
  start(req: IncomingMessage): MutableRecord {
    const record: MutableRecord = {
      seq: this.#counters.requests + 1,
      method: req.method ?? "GET",
      path: req.url ?? "/",
      operation: undefined,
      mediaId: undefined,
      segmentIndex: undefined,
      status: undefined,
      outcome: "in-flight",
      startedAt: Date.now(),
      durationMs: undefined,
      bytesReceived: 0,
      faults: [],
      auth: "none",
      detail: undefined,
      insideRateLimitWindow: false,
    };
    this.#counters.requests += 1;
    this.#counters.inFlight += 1;
    this.#records.push(record);
    return record;
  }

  /** Notes the operation once routed (for per-operation counts and APPEND concurrency). */
  routed(record: MutableRecord, operation: FakeOperation): void {
    record.operation = operation;
    this.#counters.byOperation[operation] += 1;
    if (operation === "appendMediaUpload") {
      this.#appendsInFlight += 1;
      this.#counters.maxConcurrentAppends = Math.max(
        this.#counters.maxConcurrentAppends,
        this.#appendsInFlight,
      );
    }
  }

  /** Marks a request that arrived inside an announced rate-limit window. */
  insideRateLimitWindow(record: MutableRecord): void {
    record.insideRateLimitWindow = true;
    this.#counters.insideRateLimitWindow += 1;
  }

  /** Completes a record and reports it to the hooks. */
  finish(
    record: MutableRecord,
    outcome: FakeRequestRecord["outcome"],
    bytes: number,
    status?: number,
  ): void {
    if (record.outcome !== "in-flight") return;
    record.outcome = outcome;
    record.status = status;
    record.bytesReceived = bytes;
    record.durationMs = Date.now() - record.startedAt;
    this.#counters.inFlight -= 1;
    this.#counters.bytesReceived += bytes;
    this.#counters.faultsApplied += record.faults.length;
    if (record.operation === "appendMediaUpload") this.#appendsInFlight -= 1;
    this.onRequest?.(copy(record));
    this.log?.(describe(record));
  }

  /** Copies of every record, oldest first. */
  get records(): FakeRequestRecord[] {
    return this.#records.map(copy);
  }

  /** A copy of the counters. */
  get counters(): FakeCounters {
    return {
      ...this.#counters,
      byOperation: { ...this.#counters.byOperation },
    };
  }

  /** Forgets finished records and zeroes the counters (requests in flight keep counting). */
  clear(): void {
    this.#records = this.#records.filter((r) => r.outcome === "in-flight");
    this.#counters = { ...emptyCounters(), inFlight: this.#counters.inFlight };
  }
}

function emptyCounters(): FakeCounters & {
  byOperation: Record<FakeOperation, number>;
} {
  return {
    requests: 0,
    byOperation: Object.fromEntries(
      FAKE_OPERATIONS.map((op) => [op, 0]),
    ) as Record<FakeOperation, number>,
    faultsApplied: 0,
    bytesReceived: 0,
    inFlight: 0,
    maxConcurrentAppends: 0,
    insideRateLimitWindow: 0,
  };
}

function copy(record: MutableRecord): FakeRequestRecord {
  return { ...record, faults: record.faults.map((f) => ({ ...f })) };
}

/** One log line, e.g. `#3 POST /2/media/upload/1/append appendMediaUpload seg=0 → 200 12ms`. */
function describe(r: MutableRecord): string {
  const parts = [`#${r.seq}`, r.method, r.path, r.operation ?? "(no route)"];
  if (r.segmentIndex !== undefined) parts.push(`seg=${r.segmentIndex}`);
  parts.push(
    `→ ${r.status ?? r.outcome}`,
    `${r.durationMs}ms`,
    `${r.bytesReceived}B`,
  );
  if (r.faults.length > 0)
    parts.push(`faults=${r.faults.map((f) => f.kind).join(",")}`);
  if (r.insideRateLimitWindow) parts.push("inside-rate-limit-window");
  if (r.detail) parts.push(`(${r.detail})`);
  return parts.join(" ");
}
