// appendAll on its own: how many request slots it takes, that every slot comes back (also on a read error),
// that no APPEND runs without a slot, and that a never-answering ack store does not hold a stopped upload.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { appendAll } from "../../src/engine/append-all.js";
import { RequestBudget, type Release } from "../../src/engine/budget.js";
import { ProgressReporter } from "../../src/engine/progress.js";
import { newSession } from "../../src/engine/session.js";
import type { MediaSource } from "../../src/engine/source/types.js";
import { AbortError } from "../../src/errors/index.js";
import {
  startTinyServer,
  tinyContext,
  type TinyServer,
} from "./tiny-server.js";

let tiny: TinyServer;
let inFlight = 0;
let peak = 0;
beforeAll(async () => {
  // Every APPEND is answered 204 after 10 ms, so overlapping ones show in `peak`.
  tiny = await startTinyServer((_request, res) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(204).end();
    }, 10);
  });
});
afterAll(() => tiny.close());

const ctx = (signal?: AbortSignal) => tinyContext(tiny.url, signal);

/** A budget that counts its acquire calls. */
class CountingBudget extends RequestBudget {
  acquires = 0;
  override acquire(owner: object, signal?: AbortSignal): Promise<Release> {
    this.acquires += 1;
    return super.acquire(owner, signal);
  }
}

/** `count` segments of 4 bytes, read from memory (or failing at segment `failAt`). */
function setup(count: number, failAt?: number) {
  const size = count * 4;
  const bytes = new Uint8Array(size).fill(7);
  const source = {
    size,
    sequential: false,
    read: (start: number, end: number) =>
      start / 4 === failAt
        ? Promise.reject(new Error("disk gone"))
        : Promise.resolve(new Blob([bytes.subarray(start, end)])),
  } as unknown as MediaSource;
  const segments = Array.from({ length: count }, (_, index) => ({
    index,
    start: index * 4,
    end: index * 4 + 4,
  }));
  const session = newSession({
    mediaType: "image/png",
    mediaCategory: "tweet_image",
    size,
    segmentBytes: 4,
    segmentCount: count,
  });
  return {
    source,
    session,
    plan: { segmentBytes: 4, count, segments },
    progress: new ProgressReporter(undefined, size, count),
  };
}

describe("appendAll and the request budget", () => {
  test("one slot per segment when every worker gets one", async () => {
    const { source, session, plan, progress } = setup(2);
    const budget = new CountingBudget(10);
    await appendAll(
      ctx(),
      { mediaId: "1", session, budget },
      source,
      plan,
      2,
      progress,
      () => {},
    );
    expect(budget.acquires).toBe(2);
    expect(budget.free).toBe(10);
    expect(session.acked).toEqual([0, 1]);
  });

  test("one slot, three workers, four segments: one APPEND at a time and the slot comes back", async () => {
    peak = 0;
    const { source, session, plan, progress } = setup(4);
    const budget = new CountingBudget(1);
    await appendAll(
      ctx(),
      { mediaId: "1", session, budget },
      source,
      plan,
      3,
      progress,
      () => {},
    );
    expect(peak).toBe(1);
    expect(session.acked).toEqual([0, 1, 2, 3]);
    // A worker that got the slot after the last segment was taken gives it back.
    expect(budget.acquires).toBe(6);
    expect(budget.free).toBe(1);
  });

  test("a read error fails the run and gives its slot back", async () => {
    const { source, session, plan, progress } = setup(1, 0);
    const budget = new RequestBudget(1);
    const error = await appendAll(
      ctx(),
      { mediaId: "1", session, budget },
      source,
      plan,
      1,
      progress,
      () => {},
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe("disk gone");
    expect(budget.free).toBe(1);
  });
});

describe("appendAll with an ack store", () => {
  test("each ack is awaited and leaves no listener on the signal", async () => {
    const { source, session, plan, progress } = setup(3);
    const controller = new AbortController();
    let saved = 0;
    await appendAll(
      ctx(controller.signal),
      {
        mediaId: "1",
        session,
        budget: new RequestBudget(4),
        acknowledged: async () => {
          saved += 1;
        },
      },
      source,
      plan,
      1,
      progress,
      () => {},
    );
    expect(saved).toBe(3);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("a store that never answers: an abort during the save ends the run", async () => {
    const { source, session, plan, progress } = setup(2);
    const controller = new AbortController();
    const budget = new RequestBudget(4);
    const error = await appendAll(
      ctx(controller.signal),
      {
        mediaId: "1",
        session,
        budget,
        acknowledged: () => {
          setImmediate(() => controller.abort(new Error("stop")));
          return new Promise<void>(() => {});
        },
      },
      source,
      plan,
      1,
      progress,
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(session.acked).toEqual([0]);
    expect(budget.free).toBe(4);
  }, 2000);

  test("a store that never answers: an abort before the save ends the run", async () => {
    const { source, session, plan, progress } = setup(2);
    const controller = new AbortController();
    const error = await appendAll(
      ctx(controller.signal),
      {
        mediaId: "1",
        session,
        budget: new RequestBudget(4),
        acknowledged: () => {
          controller.abort(new Error("stop"));
          return new Promise<void>(() => {});
        },
      },
      source,
      plan,
      1,
      progress,
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(session.acked).toEqual([0]);
  }, 2000);
});
