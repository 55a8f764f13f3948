// openSource on a path whose stat fails without a string code (stat mocked): no code in parentheses, the cause kept.
import { expect, jest, test } from "@jest/globals";
import * as fsp from "node:fs/promises";

let statError: unknown;
jest.unstable_mockModule("node:fs/promises", () => ({
  ...fsp,
  stat: (path: string) =>
    statError === undefined ? fsp.stat(path) : Promise.reject(statError),
}));
const { openSource } = await import("../../src/engine/source/open-source.js");
const { InvalidInputError } = await import("../../src/errors/index.js");

test.each([
  ["no code", new Error("odd failure")],
  ["a numeric code", Object.assign(new Error("odd failure"), { code: 5 })],
])(
  "a stat failure with %s: the path and advice, no code in parentheses",
  async (_, cause) => {
    statError = cause;
    const error = await openSource("/media/a.png").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error?.message).toBe(
      'Cannot read the input file "/media/a.png". Check that the path exists and is a readable file.',
    );
    expect(error?.cause).toBe(cause);
  },
);
