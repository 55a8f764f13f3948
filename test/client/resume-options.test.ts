// The resume options: validated with a TypeError naming the option, and usable as client-wide defaults.
import { describe, expect, test } from "@jest/globals";
import { createMediaClient } from "../../src/index.js";
import { resolveUploadOptions } from "../../src/client/options.js";

const auth = { type: "oauth2", accessToken: "t" } as const;

describe("validation", () => {
  test.each([
    [{ resume: "yes" }, "Expected `resume` to be a boolean"],
    [
      { resume: true, resumeStore: {} },
      "Expected `resumeStore` to be a session store with get, set, delete and list methods; it lacks get, set, delete, list.",
    ],
    [
      { resume: true, resumeStore: { get() {}, set() {}, delete() {} } },
      "it lacks list.",
    ],
    [
      { resume: true, resumeStore: "dir" },
      "Expected `resumeStore` to be a session store with get, set, delete and list methods, got string.",
    ],
    [
      {
        resume: true,
        resumeStore: { get() {}, set() {}, delete() {}, list() {}, claim: 1 },
      },
      "Expected `resumeStore.claim` to be a function or absent, got number.",
    ],
    [{ resume: true, resumeKey: "" }, "Expected `resumeKey` to be a string"],
    [
      { resume: true, keepSession: 1 },
      "Expected `keepSession` to be a boolean",
    ],
    [{ onResume: "log" }, "Expected `onResume` to be a function"],
  ])("%j", (options, message) => {
    expect(() => resolveUploadOptions(options as never)).toThrow(TypeError);
    expect(() => resolveUploadOptions(options as never)).toThrow(message);
  });

  test("accountId must be a non-empty string", () => {
    expect(() => createMediaClient({ auth, accountId: "" })).toThrow(
      "Expected `accountId` to be a string of 1 to 256 characters, got 0 characters.",
    );
  });

  test("resume is off by default; on, it gets the default file store", () => {
    expect(resolveUploadOptions({}).resume).toBeUndefined();
    const on = resolveUploadOptions({ resume: true });
    expect(on.resume).toMatchObject({ resumeKey: undefined, keep: false });
    expect(typeof on.resume?.store.get).toBe("function");
    // One default store per process.
    expect(resolveUploadOptions({ resume: true }).resume?.store).toBe(
      on.resume?.store,
    );
  });

  test("client defaults: resume, store and keepSession apply to every upload; resumeKey is per upload", () => {
    const store = {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
      list: async () => [],
    };
    const o = resolveUploadOptions(
      { resumeKey: "k" },
      { resume: true, resumeStore: store, keepSession: true },
    );
    expect(o.resume).toEqual({ store, resumeKey: "k", keep: true });
    expect(() => resolveUploadOptions({}, { resumeKey: "k" } as never)).toThrow(
      TypeError,
    );
  });
});
