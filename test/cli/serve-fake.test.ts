import { expect, test } from "@jest/globals";
import { createServer } from "node:net";
import { runInProcess } from "./helpers.js";
import { fakeOptionsFromFlags } from "../../src/cli/commands/serve-fake.js";
import { demoServerOptions } from "../../src/cli/commands/demo.js";
import { UsageError } from "../../src/cli/usage-error.js";

test("no flags: the fake's own defaults", () => {
  expect(fakeOptionsFromFlags({})).toEqual({});
});

test("fault flags become seeded random faults", () => {
  expect(
    fakeOptionsFromFlags({
      port: "8080",
      host: "::1",
      "latency-ms": "50",
      "fail-rate": "0.1",
      "reset-rate": "0.05",
      seed: "7",
    }),
  ).toEqual({
    port: 8080,
    host: "::1",
    randomFaults: {
      seed: 7,
      faults: [
        { rate: 1, fault: { kind: "latency", ms: 50 } },
        { rate: 0.1, fault: { kind: "status", status: 503 } },
        { rate: 0.05, fault: { kind: "reset" } },
      ],
    },
  });
});

test("--processing-ms splits into pending and in_progress", () => {
  expect(fakeOptionsFromFlags({ "processing-ms": "3000" }).processing).toEqual({
    pendingMs: 1000,
    inProgressMs: 2000,
  });
});

test("--account-tier picks whose size limits the fake applies", () => {
  expect(fakeOptionsFromFlags({ "account-tier": "premium" })).toEqual({
    accountTier: "premium",
  });
  expect(() => fakeOptionsFromFlags({ "account-tier": "gold" })).toThrow(
    "Expected --account-tier to be one of standard, premium",
  );
});

test("bad values are usage errors", () => {
  expect(() => fakeOptionsFromFlags({ port: "70000" })).toThrow(UsageError);
  expect(() => fakeOptionsFromFlags({ "fail-rate": "2" })).toThrow(
    "Expected --fail-rate to be a number from 0 to 1",
  );
});

test("the demo slows the fake only when a bar is drawn, and always injects one 503", () => {
  expect(demoServerOptions(false).randomFaults).toBeUndefined();
  expect(demoServerOptions(true).randomFaults?.faults.length).toBe(2);
  for (const visible of [true, false]) {
    expect(demoServerOptions(visible).faults).toEqual([
      expect.objectContaining({
        operation: "appendMediaUpload",
        fault: { kind: "status", status: 503 },
      }),
    ]);
  }
});

test("a port already in use is a usage error naming the port, not a crash", async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  const { port } = taken.address() as { port: number };
  try {
    const { code, stderr } = await runInProcess([
      "serve-fake",
      "--port",
      String(port),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    expect(stderr).not.toContain("    at ");
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
});
