// Turns the faults that hit a request into what the pipeline does: read slowly, reset, stall, replace the answer.
import type { Answer } from "./answer.js";
import { errors200, html502, statusAnswer } from "./problems.js";
import type { Fault } from "./types.js";

/** The combined effect of a request's faults. */
export interface FaultPlan {
  faults: Fault[];
  latencyMs: number;
  bytesPerSecond: number | undefined;
  /** Reset after this many body bytes. */
  resetAfter: number | undefined;
  stall: boolean;
  /** Answer instead of applying the request. */
  replaceBefore: Answer | undefined;
  /** Rewrites the answer of an applied request. */
  replaceAfter: ((answer: Answer) => Answer) | undefined;
}

/** True when the request must not be applied (reset, stall, or an answer instead of it). */
export function skipsApply(plan: FaultPlan | undefined): boolean {
  return (
    plan !== undefined &&
    (plan.resetAfter !== undefined ||
      plan.stall ||
      plan.replaceBefore !== undefined)
  );
}

/** Combines faults: latency adds up, the lowest bandwidth wins, the first terminal fault wins. */
export function planFaults(faults: Fault[]): FaultPlan {
  const plan: FaultPlan = {
    faults,
    latencyMs: 0,
    bytesPerSecond: undefined,
    resetAfter: undefined,
    stall: false,
    replaceBefore: undefined,
    replaceAfter: undefined,
  };
  let terminal = false;
  for (const fault of faults) {
    if (fault.kind === "latency") plan.latencyMs += fault.ms;
    else if (fault.kind === "bandwidth")
      plan.bytesPerSecond = Math.min(
        plan.bytesPerSecond ?? Infinity,
        fault.bytesPerSecond,
      );
    else if (!terminal) {
      terminal = true;
      applyTerminal(plan, fault);
    }
  }
  return plan;
}

function applyTerminal(plan: FaultPlan, fault: Fault): void {
  switch (fault.kind) {
    case "reset":
      plan.resetAfter = fault.afterBytes ?? 0;
      return;
    case "stall":
      plan.stall = true;
      return;
    case "status":
      return replace(
        plan,
        fault.when,
        withRetry(statusAnswer(fault.status), fault),
      );
    case "errors200":
      return replace(plan, fault.when, errors200());
    case "html502":
      return replace(plan, fault.when, html502());
    case "successStatus":
      plan.replaceAfter = (answer) =>
        answer.status === 200 ? { ...answer, status: fault.status } : answer;
      return;
    case "empty204":
      plan.replaceAfter = (answer) =>
        answer.status === 200 ? { status: 204 } : answer;
      return;
    default:
      return;
  }
}

function replace(
  plan: FaultPlan,
  when: "before" | "after" | undefined,
  answer: Answer,
): void {
  if (when === "after") plan.replaceAfter = () => answer;
  else plan.replaceBefore = answer;
}

// A 429 carries X's rate-limit headers (remaining 0, reset soon) and Retry-After for generic clients.
function withRetry(
  answer: Answer,
  fault: Extract<Fault, { kind: "status" }>,
): Answer {
  if (fault.status !== 429 && fault.retryAfterSecs === undefined) return answer;
  const secs = fault.retryAfterSecs ?? 1;
  const headers: Record<string, string> = {
    "retry-after": String(Math.ceil(secs)),
  };
  if (fault.status === 429) {
    headers["x-rate-limit-remaining"] = "0";
    headers["x-rate-limit-reset"] = String(Math.ceil(Date.now() / 1000 + secs));
  }
  return { ...answer, headers };
}
