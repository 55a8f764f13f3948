// Checks fault rules and faults given by tests, with TypeErrors that name the bad field.
import type { Fault, FaultRule } from "./types.js";

/** Throws a TypeError naming the field if a rule is malformed. */
export function checkRule(rule: FaultRule): void {
  const { times = 1, attempt, segmentIndex } = rule;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new TypeError(
      `Expected fault rule \`times\` to be an integer >= 1 or Infinity, got ${times}.`,
    );
  }
  if (attempt !== undefined && !(Number.isInteger(attempt) && attempt >= 1)) {
    throw new TypeError(
      `Expected fault rule \`attempt\` to be an integer >= 1 (1-based), got ${attempt}.`,
    );
  }
  if (
    segmentIndex !== undefined &&
    !(Number.isInteger(segmentIndex) && segmentIndex >= 0)
  ) {
    throw new TypeError(
      `Expected fault rule \`segmentIndex\` to be an integer >= 0, got ${segmentIndex}.`,
    );
  }
  checkFault(rule.fault);
}

/** Throws a TypeError naming the field if a fault is malformed. */
export function checkFault(fault: Fault): void {
  const bad = (what: string, value: unknown) =>
    new TypeError(
      `Expected \`${fault.kind}\` fault ${what}, got ${String(value)}.`,
    );
  switch (fault.kind) {
    case "status":
      if (!(
        Number.isInteger(fault.status) &&
        fault.status >= 400 &&
        fault.status <= 599
      ))
        throw bad("`status` to be 400-599", fault.status);
      return;
    case "successStatus":
      if (!(
        Number.isInteger(fault.status) &&
        fault.status >= 200 &&
        fault.status <= 299
      ))
        throw bad("`status` to be 200-299", fault.status);
      return;
    case "latency":
      if (!(fault.ms >= 0)) throw bad("`ms` to be >= 0", fault.ms);
      return;
    case "bandwidth":
      if (!(fault.bytesPerSecond > 0))
        throw bad("`bytesPerSecond` to be > 0", fault.bytesPerSecond);
      return;
    case "reset":
      if (!((fault.afterBytes ?? 0) >= 0))
        throw bad("`afterBytes` to be >= 0", fault.afterBytes);
      return;
    case "stall":
    case "errors200":
    case "html502":
    case "empty204":
      return;
    default:
      throw new TypeError(
        `Unknown fault kind ${JSON.stringify((fault as { kind: unknown }).kind)}.`,
      );
  }
}
