// Spooling an unsized stream: the abort's words (however early it comes), no listener left behind.
import { describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { Readable } from "node:stream";
import { spoolSource } from "../../src/engine/source/spool.js";
import { AbortError } from "../../src/errors/index.js";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );

describe("spoolSource", () => {
  // Aborted before the listener was attached (while the temp dir was made): it used to hang forever.
  test("an abort while spooling names that wait, even one before reading began", async () => {
    const controller = new AbortController();
    const never = new Readable({ read() {} });
    const spooling = failure(spoolSource(never, undefined, controller.signal));
    // Synchronously: before the temp dir exists and the abort listener is attached.
    controller.abort(new Error("stop"));
    const error = await spooling;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe(
      "Upload aborted by the caller's signal during spooling the input stream.",
    );
  });

  test("a spooled stream leaves no listener on the signal", async () => {
    const controller = new AbortController();
    const source = await spoolSource(
      Readable.from([new Uint8Array(5)]),
      "a.png",
      controller.signal,
    );
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(source.size).toBe(5);
    expect(source.fileName).toBe("a.png");
    await source.close();
  });
});
