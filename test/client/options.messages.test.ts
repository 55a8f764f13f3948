// Every option's own TypeError, word for word (the name in the message is how the user finds the typo),
// and the defaults of the client-wide and batch limits, as literals.
import { describe, expect, test } from "@jest/globals";
import { checkUserIds } from "../../src/client/option-checks.js";
import {
  resolveMaxConcurrentRequests,
  resolveMaxConcurrentUploads,
  resolveUploadOptions,
  type UploadOptions,
} from "../../src/client/options.js";

const MAX = 2147483647;

describe("each bad option names itself", () => {
  const bad: [UploadOptions, string][] = [
    [
      { mediaCategory: "tweet_photo" as never },
      'Expected `mediaCategory` to be one of amplify_video, tweet_gif, tweet_image, tweet_video, dm_gif, dm_image, dm_video, subtitles, got "tweet_photo".',
    ],
    [
      { preflight: "lenient" as never },
      'Expected `preflight` to be one of strict, warn, off, got "lenient".',
    ],
    [
      { accountTier: "gold" as never },
      'Expected `accountTier` to be one of standard, premium, got "gold".',
    ],
    [
      { retry: { minDelayMs: -1 } },
      `Expected \`retry.minDelayMs\` to be an integer from 0 to ${MAX}, got -1.`,
    ],
    [
      { retry: { maxDelayMs: 0.5 } },
      `Expected \`retry.maxDelayMs\` to be an integer from 0 to ${MAX}, got 0.5.`,
    ],
    [
      { retry: { maxRateLimitWaitMs: -1 } },
      `Expected \`retry.maxRateLimitWaitMs\` to be an integer from 0 to ${MAX}, got -1.`,
    ],
    [
      { forceMediaType: 1 as never },
      "Expected `forceMediaType` to be a boolean, got 1.",
    ],
    [{ shared: "no" as never }, 'Expected `shared` to be a boolean, got "no".'],
    [
      { onRetry: true as never },
      "Expected `onRetry` to be a function, got true.",
    ],
    [
      { onWarning: 1 as never },
      "Expected `onWarning` to be a function, got 1.",
    ],
    [
      { processingTimeoutMs: 0 },
      `Expected \`processingTimeoutMs\` to be an integer from 1 to ${MAX}, got 0.`,
    ],
    [
      { stallTimeoutMs: 0 },
      `Expected \`stallTimeoutMs\` to be an integer from 1 to ${MAX}, got 0.`,
    ],
    [
      { fileName: "" },
      "Expected `fileName` to be a string of 1 to 1024 characters, got 0 characters.",
    ],
  ];
  test.each(bad)("%j", (options, message) => {
    expect(() => resolveUploadOptions(options)).toThrow(new TypeError(message));
  });

  test("an unknown key among the client's defaults names `options`", () => {
    expect(() => resolveUploadOptions({}, { bogus: 1 } as never)).toThrow(
      /^Unknown option `bogus` in `options`; expected one of `accountTier`, /,
    );
  });

  test("the limits of the client and of uploadMany", () => {
    expect(() => resolveMaxConcurrentRequests(0)).toThrow(
      new TypeError(
        "Expected `maxConcurrentRequests` to be an integer from 1 to 256, got 0.",
      ),
    );
    expect(() => resolveMaxConcurrentUploads(65)).toThrow(
      new TypeError(
        "Expected `maxConcurrentUploads` to be an integer from 1 to 64, got 65.",
      ),
    );
  });

  test("user ids: one bad id among good ones fails", () => {
    expect(() => checkUserIds("additionalOwners", ["1", "@x"])).toThrow(
      "Expected `additionalOwners` to be an array of at most 100 numeric user id strings",
    );
  });
});

describe("what is allowed", () => {
  test("retry.maxDelayMs equal to retry.minDelayMs", () => {
    expect(
      resolveUploadOptions({ retry: { minDelayMs: 7, maxDelayMs: 7 } }).retry,
    ).toMatchObject({ minDelayMs: 7, maxDelayMs: 7 });
  });

  test("the valid choices pass through", () => {
    expect(
      resolveUploadOptions({
        preflight: "off",
        accountTier: "premium",
        mediaCategory: "dm_video",
      }),
    ).toMatchObject({
      preflight: "off",
      accountTier: "premium",
      mediaCategory: "dm_video",
    });
  });
});

describe("defaults, as literals", () => {
  test("preflight strict; 16 requests per client; 8 uploads at once in uploadMany", () => {
    expect(resolveUploadOptions().preflight).toBe("strict");
    expect(resolveMaxConcurrentRequests(undefined)).toBe(16);
    expect(resolveMaxConcurrentUploads(undefined)).toBe(8);
  });
});
