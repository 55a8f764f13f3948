import { describe, expect, test } from "@jest/globals";
import { closest, inCliWords } from "../../src/cli/wording.js";

describe("inCliWords", () => {
  test.each([
    [
      "The bytes look like image/png but mediaType 'image/jpeg' was given; pass the right mediaType or forceMediaType: true.",
      "The bytes look like image/png but --type 'image/jpeg' was given; pass the right --type or --force-type.",
    ],
    [
      "Expected `segmentBytes` to be an integer from 1 to 8388608, got 0.",
      "Expected --segment-size to be an integer from 1 to 8388608, got 0.",
    ],
    [
      "Check `baseUrl`: this endpoint does not exist there.",
      "Check --base-url (or X_API_BASE_URL): this endpoint does not exist there.",
    ],
    [
      "Set `accountTier` to have the library refuse it before sending.",
      "Set --account-tier to have the library refuse it before sending.",
    ],
    [
      'Media 123 was still processing (state in_progress, 40%) after processingTimeoutMs (600000 ms). Resume with client.waitForProcessing("123"), or raise processingTimeoutMs.',
      "Media 123 was still processing (state in_progress, 40%) after 600000 ms. Wait longer with `x-media-upload status 123 --wait`.",
    ],
    // Plain words stay: only backticked or camelCase option names are flags.
    [
      "8 APPENDs at a time (concurrency) failed",
      "8 APPENDs at a time (concurrency) failed",
    ],
  ])("%s", (library, cli) => {
    expect(inCliWords(library)).toBe(cli);
  });
});

describe("closest", () => {
  const flags = ["type", "force-type", "category", "alt-text", "json"];
  test.each([
    ["--alt-txt", "alt-text"],
    ["--ALT_TEXT", "alt-text"],
    ["--tpye", "type"],
    ["--media-type", "type"],
    ["--mime", "type"],
    ["--verbose", undefined],
    ["-x", undefined],
  ])("%s → %s", (given, expected) => {
    expect(closest(given, flags)).toBe(expected);
  });
});
