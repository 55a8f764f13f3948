// Progress: counts, phases, throttling to ~10/s with the first and final events always.
import { describe, expect, test } from "@jest/globals";
import {
  ProgressReporter,
  type UploadProgress,
} from "../../src/engine/progress.js";

function reporter(now: { t: number }) {
  const events: UploadProgress[] = [];
  const p = new ProgressReporter(
    (e) => events.push(e),
    300,
    3,
    undefined,
    () => now.t,
  );
  return { p, events };
}

describe("ProgressReporter", () => {
  test("throttles byte events to one per 100 ms; phases and done always pass", () => {
    const now = { t: 0 };
    const { p, events } = reporter(now);
    p.phase("initialize");
    p.phase("append", "42");
    // 50 one-byte sends 10 ms apart: one event at each full 100 ms since the last (t = 100 … 500).
    for (let i = 0; i < 50; i++) {
      now.t += 10;
      p.sent(0, 1);
    }
    // 0 ms after the t = 500 event: held back.
    p.acknowledged(0, 50);
    p.phase("done");
    expect(events.map((e) => `${e.phase}:${e.bytesSent}`)).toEqual([
      "initialize:0",
      "append:0",
      "append:10",
      "append:20",
      "append:30",
      "append:40",
      "append:50",
      "done:50",
    ]);
    expect(events.at(-1)).toMatchObject({
      phase: "done",
      mediaId: "42",
      totalBytes: 300,
      bytesSent: 50,
      bytesAcknowledged: 50,
      segmentsDone: 1,
      segmentsTotal: 3,
      processingPercent: undefined,
    });
  });

  test("an event 99 ms after the last is held back, one at 100 ms passes", () => {
    const now = { t: 1000 };
    const { p, events } = reporter(now);
    p.phase("append", "7");
    now.t += 99;
    p.sent(0, 5);
    now.t += 1;
    p.acknowledged(0, 5);
    now.t += 50;
    p.phase("processing");
    now.t += 99;
    p.processing(40);
    now.t += 1;
    p.processing(60);
    expect(
      events.map((e) => [e.phase, e.bytesAcknowledged, e.processingPercent]),
    ).toEqual([
      ["append", 0, undefined],
      ["append", 5, undefined],
      ["processing", 5, undefined],
      ["processing", 5, 60],
    ]);
    expect(events.every((e) => e.mediaId === "7")).toBe(true);
  });

  test("without a listener nothing is reported and nothing fails", () => {
    const p = new ProgressReporter(undefined, 10, 1);
    p.phase("append", "1");
    p.sent(0, 10);
    p.acknowledged(0, 10);
    p.phase("done");
    expect(p.listenerError).toBeUndefined();
  });

  test("a restarted segment's bytes are not counted twice", () => {
    const now = { t: 0 };
    const { p, events } = reporter(now);
    p.sent(1, 80);
    p.restart(1);
    p.sent(1, 100);
    p.acknowledged(1, 100);
    p.phase("done");
    expect(events.at(-1)).toMatchObject({
      bytesSent: 100,
      bytesAcknowledged: 100,
    });
  });

  test("bytesSent never decreases across a restart; only bytes past the earlier attempt count", () => {
    const now = { t: 0 };
    const { p, events } = reporter(now);
    p.sent(1, 80);
    now.t += 1000;
    p.restart(1);
    p.sent(1, 50);
    now.t += 1000;
    p.sent(1, 50);
    expect(events.map((e) => e.bytesSent)).toEqual([80, 80, 100]);
  });

  test("a throwing listener is reported once and silenced", () => {
    const errors: unknown[] = [];
    const p = new ProgressReporter(
      () => {
        throw new Error("listener bug");
      },
      1,
      1,
      (e) => errors.push(e),
    );
    p.phase("initialize");
    p.phase("append");
    expect(errors).toHaveLength(1);
    expect((p.listenerError as Error).message).toBe("listener bug");
  });

  test("skip counts a resumed upload's acknowledged segments as sent and done; later sends add to them", () => {
    const now = { t: 0 };
    const { p, events } = reporter(now);
    p.skip(2, 200);
    p.phase("append", "42");
    now.t = 100;
    p.sent(2, 40);
    now.t = 200;
    p.acknowledged(2, 100);
    expect(
      events.map((e) => [
        e.phase,
        e.bytesSent,
        e.bytesAcknowledged,
        e.segmentsDone,
      ]),
    ).toEqual([
      ["append", 200, 200, 2],
      ["append", 240, 200, 2],
      ["append", 240, 300, 3],
    ]);
  });
});
