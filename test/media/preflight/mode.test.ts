// The preflight modes upload() and the CLI accept (their error messages list them in this order).
import { expect, test } from "@jest/globals";
import { PREFLIGHT_MODES } from "../../../src/media/preflight/mode.js";

test("strict, warn, off: strictest first", () => {
  expect(PREFLIGHT_MODES).toEqual(["strict", "warn", "off"]);
});
