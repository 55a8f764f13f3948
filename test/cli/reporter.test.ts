import { expect, test } from "@jest/globals";
import {
  createReporter,
  progressMode,
  type ProgressUpdate,
} from "../../src/cli/reporter.js";
import { memoryStream } from "./helpers.js";

const update = (over: Partial<ProgressUpdate>): ProgressUpdate => ({
  phase: "append",
  totalBytes: 1000,
  bytesSent: 0,
  bytesAcked: 0,
  processingPercent: undefined,
  ...over,
});

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

test("plain mode: one line per 10% step and per phase", () => {
  const stream = memoryStream(false);
  const clock = fakeClock();
  const reporter = createReporter({
    stream,
    mode: "plain",
    label: "a.png",
    now: clock.now,
  });
  for (let acked = 0; acked <= 1000; acked += 25) {
    clock.advance(10);
    reporter.update(update({ bytesAcked: acked, bytesSent: acked }));
  }
  reporter.update(update({ phase: "finalize", bytesAcked: 1000 }));
  reporter.finish();
  const lines = stream.text().trimEnd().split("\n");
  expect(lines.filter((l) => l.includes("uploading"))).toHaveLength(11);
  expect(lines.at(-2)).toBe("a.png: finalizing");
  expect(lines.at(-1)).toMatch(/^a\.png: done, 1000 B in \d+ ms$/);
});

test("bar mode: redraws in place at most every 80 ms, phase changes at once, newline at the end", () => {
  const stream = memoryStream(true, 80);
  const clock = fakeClock();
  const reporter = createReporter({
    stream,
    mode: "bar",
    label: "a.png",
    now: clock.now,
  });
  for (let i = 1; i <= 10; i++) {
    clock.advance(20);
    reporter.update(update({ bytesAcked: i * 100, bytesSent: i * 100 }));
  }
  reporter.update(update({ phase: "finalize", bytesAcked: 1000 }));
  reporter.finish();
  const frames = stream.text().split("\r\x1b[2K").filter(Boolean);
  // Updates every 20 ms from t=20 to 200: frames at 20, 100 and 180, then the phase change and the final frame.
  expect(frames.length).toBe(5);
  for (const frame of frames)
    expect(frame.replace("\n", "").length).toBeLessThanOrEqual(79);
  expect(stream.text().endsWith("\n")).toBe(true);
});

test("none mode writes nothing; mode follows TTY, --quiet and --json", () => {
  const stream = memoryStream(true);
  const reporter = createReporter({
    stream,
    mode: "none",
    label: "a",
    now: () => 0,
  });
  reporter.update(update({}));
  reporter.finish();
  expect(stream.text()).toBe("");
  expect(progressMode({ write: () => 0, isTTY: true }, {})).toBe("bar");
  expect(progressMode({ write: () => 0, isTTY: true }, { json: true })).toBe(
    "bar",
  );
  expect(progressMode({ write: () => 0, isTTY: true }, { quiet: true })).toBe(
    "none",
  );
  expect(progressMode({ write: () => 0 }, {})).toBe("plain");
  expect(progressMode({ write: () => 0 }, { json: true })).toBe("none");
});

test("bar mode: a terminal reporting 0 columns is drawn 80 wide, not empty", () => {
  const stream = memoryStream(true, 0);
  const reporter = createReporter({
    stream,
    mode: "bar",
    label: "a.png",
    now: fakeClock().now,
  });
  reporter.update(update({ bytesAcked: 500, bytesSent: 500 }));
  const frame = stream.text().split("\r\x1b[2K").filter(Boolean)[0] ?? "";
  expect(frame).toMatch(/█{5,}/);
  expect(frame).toContain(" 50%");
  expect(frame.length).toBeLessThanOrEqual(79);
  expect(frame.length).toBeGreaterThan(40);
});

test("note: prints a line above the bar, then redraws the bar", () => {
  const stream = memoryStream(true, 80);
  const reporter = createReporter({
    stream,
    mode: "bar",
    label: "a.png",
    now: fakeClock().now,
  });
  reporter.update(update({ bytesAcked: 500, bytesSent: 500 }));
  reporter.note("retrying append segment 3");
  const text = stream.text();
  const after = text.slice(text.indexOf("retrying"));
  expect(after.startsWith("retrying append segment 3\n\r\x1b[2Ka.png")).toBe(
    true,
  );
});
