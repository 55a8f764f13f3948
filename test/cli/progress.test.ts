import { describe, expect, test } from "@jest/globals";
import {
  etaMs,
  milestoneKey,
  phasePercent,
  renderBar,
  renderPlainLine,
  renderProgressLine,
  type ProgressView,
} from "../../src/cli/progress.js";

const view = (over: Partial<ProgressView> = {}): ProgressView => ({
  label: "clip.mp4",
  phase: "append",
  totalBytes: 10 * 1024,
  bytesSent: 6 * 1024,
  bytesAcked: 4 * 1024,
  bytesPerSecond: 2048,
  elapsedMs: 2000,
  ...over,
});

describe("renderBar", () => {
  test("shows acknowledged, in-flight and remaining cells", () => {
    expect(renderBar(view(), 10)).toBe("████▒▒░░░░");
  });
  test("processing fills by X's percent", () => {
    expect(
      renderBar(view({ phase: "processing", processingPercent: 50 }), 10),
    ).toBe("█████░░░░░");
  });
  test("an empty file does not divide by zero", () => {
    expect(
      renderBar(view({ totalBytes: 0, bytesSent: 0, bytesAcked: 0 }), 4),
    ).toBe("░░░░");
  });
});

describe("renderProgressLine", () => {
  test("uploading: bytes, rate and ETA", () => {
    const line = renderProgressLine(view(), 100);
    expect(line).toContain("clip.mp4  uploading");
    expect(line).toContain(" 40%  4.0 KiB / 10.0 KiB  2.0 KiB/s  ETA 3s");
  });
  test("processing: percent only", () => {
    expect(
      renderProgressLine(
        view({ phase: "processing", processingPercent: 73 }),
        100,
      ),
    ).toMatch(/processing +█+░+ {2}73%$/);
  });
  test("never wider than the terminal, long names are shortened", () => {
    const long = view({ label: `${"a".repeat(200)}.mp4` });
    for (const columns of [40, 60, 80, 120]) {
      expect(renderProgressLine(long, columns).length).toBeLessThanOrEqual(
        columns,
      );
    }
    expect(renderProgressLine(long, 80)).toContain("…");
  });
});

describe("plain lines", () => {
  test("each phase reads as a sentence", () => {
    expect(renderPlainLine(view())).toBe(
      "clip.mp4: uploading 40% (4.0 KiB of 10.0 KiB, 2.0 KiB/s)",
    );
    expect(renderPlainLine(view({ phase: "finalize" }))).toBe(
      "clip.mp4: finalizing",
    );
    expect(
      renderPlainLine(view({ phase: "processing", processingPercent: 12 })),
    ).toBe("clip.mp4: processing 12%");
    expect(renderPlainLine(view({ phase: "done", elapsedMs: 1500 }))).toBe(
      "clip.mp4: done, 10.0 KiB in 1.5s",
    );
    expect(renderPlainLine(view({ phase: "done", elapsedMs: 80 }))).toBe(
      "clip.mp4: done, 10.0 KiB in 80 ms",
    );
  });
  test("milestones change every 10% and on phase changes", () => {
    expect(milestoneKey(view({ bytesAcked: 4096 }))).toBe(
      milestoneKey(view({ bytesAcked: 5000 })),
    );
    expect(milestoneKey(view({ bytesAcked: 4096 }))).not.toBe(
      milestoneKey(view({ bytesAcked: 5200 })),
    );
    expect(milestoneKey(view({ phase: "finalize" }))).not.toBe(
      milestoneKey(view({ phase: "done" })),
    );
  });
});

describe("percent and ETA", () => {
  test("percent is clamped and floored", () => {
    expect(phasePercent(view({ bytesAcked: 10 * 1024 + 5 }))).toBe(100);
    expect(phasePercent(view({ bytesAcked: 1023 }))).toBe(9);
    expect(
      phasePercent(view({ phase: "processing", processingPercent: undefined })),
    ).toBe(0);
  });
  test("ETA is remaining bytes over rate, only while uploading", () => {
    expect(etaMs(view())).toBe(3000);
    expect(etaMs(view({ bytesPerSecond: undefined }))).toBeUndefined();
    expect(etaMs(view({ phase: "processing" }))).toBeUndefined();
  });
});
