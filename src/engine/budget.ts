// The APPENDs a client has in flight across all its uploads, shared fairly: slots go round-robin to the
// uploads that wait, so one big video cannot starve four images queued behind it.
import { AbortError } from "../errors/index.js";

/** Gives back a slot. Idempotent. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
}

/** A counting semaphore with one queue per owner (upload), served in turn. */
export class RequestBudget {
  #free: number;
  // Insertion order is the turn order; an owner goes to the back once served.
  readonly #queues = new Map<object, Waiter[]>();

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Slots not in use. */
  get free(): number {
    return this.#free;
  }

  /** Resolves with a release once `owner` may send one more request; AbortError if `signal` aborts first. */
  acquire(owner: object, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) {
      return Promise.reject(new AbortError(signal.reason, "a request slot"));
    }
    if (this.#free > 0 && this.#queues.size === 0) {
      this.#free -= 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const queue = this.#queues.get(owner);
        const i = queue?.indexOf(waiter) ?? -1;
        if (queue && i >= 0) queue.splice(i, 1);
        if (queue?.length === 0) this.#queues.delete(owner);
        reject(new AbortError(signal?.reason, "a request slot"));
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const queue = this.#queues.get(owner);
      if (queue) queue.push(waiter);
      else this.#queues.set(owner, [waiter]);
      this.#dispatch();
    });
  }

  #releaser(): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#free += 1;
      this.#dispatch();
    };
  }

  #dispatch(): void {
    while (this.#free > 0) {
      const next = this.#queues.entries().next();
      if (next.done) return;
      const [owner, queue] = next.value;
      const waiter = queue.shift();
      // Served: this owner's remaining waiters queue up behind everyone else's.
      this.#queues.delete(owner);
      if (queue.length > 0) this.#queues.set(owner, queue);
      if (!waiter) continue;
      this.#free -= 1;
      waiter.grant(this.#releaser());
    }
  }
}
