// Scripted and seeded-random fault rules, and which of them hit a request.
import { checkFault, checkRule } from "./fault-checks.js";
import { drawFor } from "./prng.js";
import type {
  FakeOperation,
  Fault,
  FaultController,
  FaultRule,
  RandomFaults,
} from "./types.js";

/** What a request is, for matching fault rules. */
export interface FaultTarget {
  operation: FakeOperation;
  mediaId: string | undefined;
  segmentIndex: number | undefined;
  /** 1-based INIT order of the media id (0 if none); keeps random faults independent of ids and arrival order. */
  uploadOrdinal: number;
}

/** The fault rules of one server, with attempt counting. */
export class FaultBook implements FaultController {
  #rules: (FaultRule & { remaining: number })[] = [];
  #random: RandomFaults | undefined;
  readonly #attempts = new Map<string, number>();

  constructor(rules: readonly FaultRule[], random: RandomFaults | undefined) {
    this.add(...rules);
    this.setRandom(random ?? null);
  }

  add(...rules: FaultRule[]): void {
    for (const rule of rules) {
      checkRule(rule);
      this.#rules.push({ ...rule, remaining: rule.times ?? 1 });
    }
  }

  setRandom(random: RandomFaults | null): void {
    if (random) {
      if (!Number.isInteger(random.seed))
        throw new TypeError(
          `Expected \`randomFaults.seed\` to be an integer, got ${random.seed}.`,
        );
      for (const entry of random.faults) {
        if (!(entry.rate >= 0 && entry.rate <= 1)) {
          throw new TypeError(
            `Expected \`randomFaults.faults[].rate\` to be a number from 0 to 1, got ${entry.rate}.`,
          );
        }
        checkFault(entry.fault);
      }
    }
    this.#random = random ?? undefined;
  }

  clear(): void {
    this.#rules = [];
    this.#random = undefined;
  }

  get pending(): readonly (FaultRule & { remaining: number })[] {
    return this.#rules
      .filter((rule) => rule.remaining > 0)
      .map((rule) => ({ ...rule }));
  }

  /** Forgets rules, random faults and attempt counts. */
  reset(): void {
    this.clear();
    this.#attempts.clear();
  }

  /** Counts this attempt and returns the faults that hit it, scripted ones first. */
  decide(target: FaultTarget): Fault[] {
    const attempt = this.#countAttempt(target);
    const hits: Fault[] = [];
    for (const rule of this.#rules) {
      if (rule.remaining > 0 && matches(rule, target, attempt)) {
        rule.remaining -= 1;
        hits.push(rule.fault);
      }
    }
    this.#random?.faults.forEach((entry, i) => {
      if (!covers(entry.operation, target.operation)) return;
      const key = `${i}|${target.operation}|${target.uploadOrdinal}|${target.segmentIndex ?? ""}|${attempt}`;
      if (drawFor(this.#random?.seed ?? 0, key) < entry.rate)
        hits.push(entry.fault);
    });
    return hits;
  }

  #countAttempt({ operation, mediaId, segmentIndex }: FaultTarget): number {
    const key =
      operation === "appendMediaUpload"
        ? `${mediaId}|${segmentIndex}`
        : `${operation}|${mediaId ?? ""}`;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    return attempt;
  }
}

function matches(
  rule: FaultRule,
  target: FaultTarget,
  attempt: number,
): boolean {
  return (
    covers(rule.operation, target.operation) &&
    (rule.mediaId === undefined || rule.mediaId === target.mediaId) &&
    (rule.segmentIndex === undefined ||
      (target.operation === "appendMediaUpload" &&
        rule.segmentIndex === target.segmentIndex)) &&
    (rule.attempt === undefined || rule.attempt === attempt)
  );
}

function covers(
  operation: FaultRule["operation"],
  actual: FakeOperation,
): boolean {
  if (operation === undefined) return true;
  return typeof operation === "string"
    ? operation === actual
    : operation.includes(actual);
}
