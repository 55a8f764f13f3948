// The `rateState` option: a RateState or a factory called with the account's identity hash; what it says holds
// every upload of the client, and a shared state's background failures never fail a request.
import { afterEach, describe, expect, test } from "@jest/globals";
import { accountIdentity } from "../../src/auth/identity.js";
import {
  createMediaClient,
  createRateState,
  type RateState,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const token = "test-token-0123456789";

describe("rateState option", () => {
  test("a factory is called once with the account identity hash, never the token; its state sees every request", async () => {
    server = await startServer();
    const identities: string[] = [];
    const recorded: string[] = [];
    const client = clientFor(server, {
      rateState: ({ identity }) => {
        identities.push(identity);
        const inner = createRateState();
        return {
          ...inner,
          record(operation, info) {
            recorded.push(operation);
            inner.record(operation, info);
          },
        };
      },
    });
    const png = sample("image/png", 3000);
    const result = await client.upload(png, { segmentBytes: 1024 });
    expect(server.upload(result.id)?.sha256).toBe(sha256(png));
    expect(identities).toEqual([
      accountIdentity({ type: "oauth2", accessToken: token }),
    ]);
    expect(identities[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(identities[0]).not.toContain(token);
    expect(recorded).toEqual([
      "initialize",
      "append",
      "append",
      "append",
      "finalize",
    ]);
  });

  test("a state given as an object is shared by the clients it is given to: one client's hold pauses the other", async () => {
    server = await startServer();
    const shared = createRateState();
    const a = clientFor(server, { rateState: shared });
    const b = clientFor(server, { rateState: shared });
    await a.upload(sample("image/png", 500));
    shared.hold("initialize", Date.now() + 60_000);
    await expect(
      b.upload(sample("image/png", 500), {
        retry: { maxRateLimitWaitMs: 1000 },
      }),
    ).rejects.toMatchObject({ name: "RateLimitError" });
    expect(server.requests).toHaveLength(3);
  });

  test("record and hold may return promises; a rejected one fails nothing and is not an unhandled rejection", async () => {
    server = await startServer();
    server.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "status", status: 429, retryAfterSecs: 0 },
    });
    let unhandled = 0;
    const onUnhandled = () => (unhandled += 1);
    process.on("unhandledRejection", onUnhandled);
    try {
      const inner = createRateState();
      const calls: string[] = [];
      const failing: RateState = {
        ...inner,
        async record(operation, info) {
          inner.record(operation, info);
          calls.push("record");
          throw new Error("shared store down");
        },
        async hold(operation, untilMs, cause) {
          inner.hold(operation, untilMs, cause);
          calls.push("hold");
          throw new Error("shared store down");
        },
      };
      const png = sample("image/png", 2000);
      const result = await clientFor(server, { rateState: failing }).upload(
        png,
        { segmentBytes: 1024 },
      );
      expect(server.upload(result.id)?.sha256).toBe(sha256(png));
      expect(calls).toContain("hold");
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toBe(0);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("accountId names the account instead of the token: two tokens of one account share one identity", async () => {
    server = await startServer();
    const identities: string[] = [];
    const rateState = ({ identity }: { identity: string }) => {
      identities.push(identity);
      return createRateState();
    };
    for (const accessToken of ["token-before-refresh", "token-after-refresh"])
      createMediaClient({
        auth: { type: "oauth2", accessToken },
        accountId: "1234567890",
        rateState,
      });
    expect(identities).toEqual([
      accountIdentity({ type: "oauth2", accessToken: "x" }, "1234567890"),
      accountIdentity({ type: "oauth2", accessToken: "y" }, "1234567890"),
    ]);
    expect(identities[0]).toBe(identities[1]);
    expect(() =>
      createMediaClient({
        auth: { type: "oauth2", accessToken: token },
        accountId: "",
      }),
    ).toThrow("Expected `accountId` to be a string of 1 to 256 characters");
  });

  test.each([
    [42, "got 42"],
    [{ acquire: () => {} }, "without record, hold, pausedUntil"],
    [() => undefined, "a function returning undefined"],
  ])(
    "a bad rateState (%p) is a TypeError at createMediaClient",
    (value, says) => {
      expect(() =>
        createMediaClient({
          auth: { type: "oauth2", accessToken: token },
          rateState: value as never,
        }),
      ).toThrow(
        new RegExp(`Expected \`rateState\` to be a RateState.*${says}`),
      );
    },
  );
});
