import { describe, expect, test } from "@jest/globals";
import {
  formatBytes,
  formatDuration,
  formatEta,
  formatRate,
} from "../../src/cli/format.js";

describe("formatBytes", () => {
  test("uses bytes below 1 KiB and one decimal above", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1.0 KiB");
    expect(formatBytes(10_943)).toBe("10.7 KiB");
    expect(formatBytes(4 * 1024 ** 2)).toBe("4.0 MiB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GiB");
  });
  test("prints ? for nonsense", () => {
    expect(formatBytes(-1)).toBe("? B");
    expect(formatBytes(NaN)).toBe("? B");
  });
});

describe("formatRate / formatDuration / formatEta", () => {
  test("rate", () => {
    expect(formatRate(undefined)).toBe("–");
    expect(formatRate(1.5 * 1024 ** 2)).toBe("1.5 MiB/s");
  });
  test("duration switches units", () => {
    expect(formatDuration(35.4)).toBe("35 ms");
    expect(formatDuration(1420)).toBe("1.4s");
    expect(formatDuration(12_300)).toBe("12s");
    expect(formatDuration(185_000)).toBe("3m05s");
    expect(formatDuration(3_720_000)).toBe("1h02m");
  });
  test("eta rounds up to whole seconds", () => {
    expect(formatEta(undefined)).toBe("ETA –");
    expect(formatEta(6_100)).toBe("ETA 7s");
    expect(formatEta(130_000)).toBe("ETA 2m10s");
  });
});
