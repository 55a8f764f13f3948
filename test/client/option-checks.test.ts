// The option validators: each bound inclusive, each message naming the option and the value.
import { describe, expect, test } from "@jest/globals";
import {
  checkBoolean,
  checkFunction,
  checkInteger,
  checkKnownKeys,
  checkSignal,
  checkString,
  checkUserIds,
  show,
} from "../../src/client/option-checks.js";

describe("show", () => {
  test.each([
    ["a", '"a"'],
    [1.5, "1.5"],
    [false, "false"],
    [null, "null"],
    [[1], "an array"],
    [{}, "an object"],
    [undefined, "undefined"],
    [() => 1, "function"],
    [10n, "bigint"],
  ] as [unknown, string][])("%p → %s", (value, shown) => {
    expect(show(value)).toBe(shown);
  });
});

describe("checkInteger", () => {
  test("both bounds are inclusive", () => {
    expect(checkInteger("n", 1, 1, 3)).toBe(1);
    expect(checkInteger("n", 3, 1, 3)).toBe(3);
    expect(() => checkInteger("n", 0, 1, 3)).toThrow(
      "Expected `n` to be an integer from 1 to 3, got 0.",
    );
    expect(() => checkInteger("n", 4, 1, 3)).toThrow("got 4.");
    expect(() => checkInteger("n", 2.5, 1, 3)).toThrow("got 2.5.");
    expect(() => checkInteger("n", "2", 1, 3)).toThrow('got "2".');
  });
});

describe("the optional checks accept undefined and their type only", () => {
  test("checkBoolean", () => {
    expect(checkBoolean("b", undefined)).toBeUndefined();
    expect(checkBoolean("b", false)).toBe(false);
    expect(() => checkBoolean("b", 0)).toThrow(
      new TypeError("Expected `b` to be a boolean, got 0."),
    );
  });

  test("checkString counts characters, not UTF-16 units", () => {
    expect(checkString("s", undefined, 3)).toBeUndefined();
    expect(checkString("s", "😀😀😀", 3)).toBe("😀😀😀");
    expect(() => checkString("s", "abcd", 3)).toThrow(
      new TypeError(
        "Expected `s` to be a string of 1 to 3 characters, got 4 characters.",
      ),
    );
    expect(() => checkString("s", "", 3)).toThrow("got 0 characters.");
    expect(() => checkString("s", 5, 3)).toThrow(
      "Expected `s` to be a string of 1 to 3 characters, got 5.",
    );
  });

  test("checkFunction and checkSignal", () => {
    const f = () => 1;
    expect(checkFunction("f", f)).toBe(f);
    expect(checkFunction("f", undefined)).toBeUndefined();
    expect(() => checkFunction("f", 1 as never)).toThrow(
      new TypeError("Expected `f` to be a function, got 1."),
    );
    const signal = new AbortController().signal;
    expect(checkSignal("s", signal)).toBe(signal);
    expect(checkSignal("s", undefined)).toBeUndefined();
    expect(() => checkSignal("s", null)).toThrow(
      new TypeError("Expected `s` to be an AbortSignal, got null."),
    );
  });

  test("checkUserIds: up to 100 ids of 1 to 19 digits, copied", () => {
    const ids = ["1", "1234567890123456789"];
    const checked = checkUserIds("ids", ids);
    expect(checked).toEqual(ids);
    expect(checked).not.toBe(ids);
    expect(checkUserIds("ids", undefined)).toBeUndefined();
    expect(checkUserIds("ids", Array(100).fill("7"))).toHaveLength(100);
    const message =
      "Expected `ids` to be an array of at most 100 numeric user id strings, got ";
    expect(() => checkUserIds("ids", Array(101).fill("7"))).toThrow(
      `${message}an array.`,
    );
    for (const bad of [["12345678901234567890"], [""], ["1a"], [1], "1"])
      expect(() => checkUserIds("ids", bad)).toThrow(message);
  });
});

describe("checkKnownKeys", () => {
  const known = ["a", "b"];
  test("known keys, and unknown keys set to undefined, pass", () => {
    expect(() =>
      checkKnownKeys("o", { a: 1, c: undefined }, known),
    ).not.toThrow();
  });
  test("an unknown key names itself and the known ones", () => {
    expect(() => checkKnownKeys("o", { a: 1, c: 2 }, known)).toThrow(
      new TypeError("Unknown option `c` in `o`; expected one of `a`, `b`."),
    );
  });
  test.each([null, [], "x"])("%p is not an object", (value) => {
    expect(() => checkKnownKeys("o", value, known)).toThrow(
      `Expected \`o\` to be an object, got ${show(value)}.`,
    );
  });
});
