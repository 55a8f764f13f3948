import { describe, expect, test } from "@jest/globals";
import {
  choiceFlag,
  integerFlag,
  numberFlag,
  parseCommand,
  sizeFlag,
} from "../../src/cli/parse.js";
import { UsageError } from "../../src/cli/usage-error.js";

const flags = {
  concurrency: { type: "string" },
  json: { type: "boolean" },
} as const;
const one = { min: 1, max: 1, names: "a <file>" };

describe("parseCommand", () => {
  test("flags before and after the positional", () => {
    const parsed = parseCommand(
      "upload",
      ["--json", "a.png", "--concurrency", "4"],
      flags,
      one,
    );
    expect(parsed.positionals).toEqual(["a.png"]);
    expect(parsed.values).toMatchObject({ json: true, concurrency: "4" });
  });
  test("-- ends flags, so a file may start with a dash", () => {
    expect(
      parseCommand("upload", ["--", "-odd.png"], flags, one).positionals,
    ).toEqual(["-odd.png"]);
  });
  test("unknown flags are usage errors naming the flag and the command", () => {
    expect(() =>
      parseCommand("upload", ["a.png", "--token", "x"], flags, one),
    ).toThrow(new UsageError("Unknown flag --token for `upload`."));
  });
  test("a missing value and a value for a boolean are usage errors", () => {
    expect(() =>
      parseCommand("upload", ["a.png", "--concurrency"], flags, one),
    ).toThrow("Flag --concurrency needs a value.");
    expect(() =>
      parseCommand("upload", ["a.png", "--json=yes"], flags, one),
    ).toThrow("Flag --json takes no value.");
  });
  test("too few and too many positionals", () => {
    expect(() => parseCommand("upload", [], flags, one)).toThrow(
      "`upload` needs a <file>.",
    );
    expect(() => parseCommand("upload", ["a", "b"], flags, one)).toThrow(
      "Unexpected argument for `upload`: b.",
    );
  });
  test("--help and -h skip the positional check", () => {
    expect(parseCommand("upload", ["-h"], flags, one).values.help).toBe(true);
    expect(parseCommand("upload", ["--help"], flags, one).values.help).toBe(
      true,
    );
  });
  test("errors carry the command for the --help hint", () => {
    try {
      parseCommand("status", ["--nope"], flags, one);
      throw new Error("no throw");
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).command).toBe("status");
    }
  });
});

describe("flag values", () => {
  test("integers within range", () => {
    expect(integerFlag("concurrency", "4", 1, 16)).toBe(4);
    expect(integerFlag("concurrency", undefined, 1, 16)).toBeUndefined();
    for (const bad of ["0", "17", "2.5", "four", "", "1e1"]) {
      expect(() => integerFlag("concurrency", bad, 1, 16)).toThrow(
        `Expected --concurrency to be an integer from 1 to 16, got ${JSON.stringify(bad)}.`,
      );
    }
  });
  test("numbers within range", () => {
    expect(numberFlag("fail-rate", "0.25", 0, 1)).toBe(0.25);
    expect(() => numberFlag("fail-rate", "1.5", 0, 1)).toThrow(
      "Expected --fail-rate to be a number from 0 to 1",
    );
    expect(() => numberFlag("fail-rate", " ", 0, 1)).toThrow(UsageError);
  });
  test("sizes with units", () => {
    expect(sizeFlag("segment-size", "4194304")).toBe(4_194_304);
    expect(sizeFlag("segment-size", "4MiB")).toBe(4_194_304);
    expect(sizeFlag("segment-size", "512kib")).toBe(524_288);
    expect(sizeFlag("segment-size", "5MB")).toBe(5_000_000);
    expect(sizeFlag("segment-size", "1.5MiB")).toBe(1_572_864);
    for (const bad of ["0", "4 GB", "MiB", "-1", "1.1"]) {
      expect(() => sizeFlag("segment-size", bad)).toThrow(UsageError);
    }
  });
  test("choices", () => {
    expect(
      choiceFlag("category", "tweet_image", ["tweet_image", "dm_image"]),
    ).toBe("tweet_image");
    expect(() =>
      choiceFlag("category", "tweet", ["tweet_image", "dm_image"]),
    ).toThrow(
      'Expected --category to be one of tweet_image, dm_image, got "tweet".',
    );
  });
});
