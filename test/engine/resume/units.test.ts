// The pure-ish parts of resuming: what the key and fingerprint depend on, and how saves coalesce.
import { describe, expect, test } from "@jest/globals";
import { utimes, writeFile } from "node:fs/promises";
import { accountIdentity } from "../../../src/auth/identity.js";
import { resumeIdentity } from "../../../src/engine/resume/fingerprint.js";
import { SessionSaver } from "../../../src/engine/resume/saver.js";
import { newSession } from "../../../src/engine/session.js";
import type { SavedSession } from "../../../src/engine/session-store.js";
import { openSource } from "../../../src/engine/source/open-source.js";
import { bytesSource } from "../../../src/engine/source/blob-source.js";
import { sample } from "../fixtures.js";
import { fileWith, tempDir } from "./helpers.js";

const scope = { origin: "https://api.x.com", identity: "a".repeat(32) };
const bytes = sample("video/mp4", 200_000);

describe("resumeIdentity", () => {
  test("a file: key from origin, identity and path; fingerprint from size, mtime and both ends", async () => {
    const tmp = await tempDir();
    try {
      const path = await fileWith(tmp.dir, "a.mp4", bytes);
      const mtime = new Date("2026-01-02T03:04:05Z");
      await utimes(path, mtime, mtime);
      const id = async (s = scope) => {
        const source = await openSource(path);
        try {
          return await resumeIdentity({ kind: "file", path }, source, s);
        } finally {
          await source.close();
        }
      };
      const base = await id();
      expect(base.source).toBe(path);
      expect(base.key).toMatch(/^[0-9a-f]{32}$/);
      expect(await id()).toEqual(base);
      // Another origin or account: another key.
      expect(
        (await id({ ...scope, origin: "http://127.0.0.1:1" })).key,
      ).not.toBe(base.key);
      expect((await id({ ...scope, identity: "b".repeat(32) })).key).not.toBe(
        base.key,
      );
      // A byte in the middle (outside both 64 KiB ends) with the mtime put back: not seen, by design.
      const middle = Buffer.from(bytes);
      middle[100_000] = (middle[100_000] ?? 0) ^ 1;
      await writeFile(path, middle);
      await utimes(path, mtime, mtime);
      expect(await id()).toEqual(base);
      // The last byte: seen.
      const tail = Buffer.from(bytes);
      tail[tail.length - 1] = (tail[tail.length - 1] ?? 0) ^ 1;
      await writeFile(path, tail);
      await utimes(path, mtime, mtime);
      const changed = await id();
      expect(changed.key).toBe(base.key);
      expect(changed.fingerprint).not.toBe(base.fingerprint);
    } finally {
      await tmp.cleanup();
    }
  });

  test("a keyed input: the key names it; the fingerprint its size and head", async () => {
    const id = (b: Uint8Array, resumeKey = "k") =>
      resumeIdentity(
        { kind: "key", resumeKey },
        bytesSource(b, undefined),
        scope,
      );
    const base = await id(bytes);
    expect(base.source).toBe("k");
    expect((await id(bytes, "other")).key).not.toBe(base.key);
    expect((await id(bytes.subarray(0, 199_999))).fingerprint).not.toBe(
      base.fingerprint,
    );
  });
});

describe("accountIdentity", () => {
  test("32 hex digits, one-way; an accountId wins over the token", () => {
    const oauth2 = (t: string) => ({ type: "oauth2" as const, accessToken: t });
    const one = accountIdentity(oauth2("token-1"));
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(one).not.toContain("token");
    expect(accountIdentity(oauth2("token-2"))).not.toBe(one);
    // A refreshed OAuth 2 token of the same account keeps its sessions when the account is named.
    expect(accountIdentity(oauth2("token-1"), "42")).toBe(
      accountIdentity(oauth2("token-2"), "42"),
    );
    const oauth1 = (consumerKey: string, accessToken: string) => ({
      type: "oauth1" as const,
      consumerKey,
      consumerSecret: "cs",
      accessToken,
      accessTokenSecret: "ats",
    });
    expect(accountIdentity(oauth1("app", "1-user"))).toBe(
      accountIdentity({ ...oauth1("app", "1-user"), consumerSecret: "other" }),
    );
    expect(accountIdentity(oauth1("app2", "1-user"))).not.toBe(
      accountIdentity(oauth1("app", "1-user")),
    );
  });
});

describe("SessionSaver", () => {
  const session = () =>
    newSession({
      mediaType: "video/mp4",
      mediaCategory: "tweet_video",
      size: 10,
      segmentBytes: 1,
      segmentCount: 10,
    });
  const id = { key: "k", fingerprint: "f", source: "s" };

  test("changes made while a write runs go out together in the next write", async () => {
    const writes: number[][] = [];
    let unblock: () => void = () => {};
    let blocking = true;
    const store = {
      get: async () => undefined,
      delete: async () => {},
      list: async () => [],
      set: async (_key: string, saved: SavedSession) => {
        writes.push(saved.session.acked);
        if (blocking) await new Promise<void>((r) => (unblock = r));
      },
    };
    const s = session();
    const saver = new SessionSaver(
      store,
      id,
      s,
      () => {},
      () => 42,
    );
    s.acked.push(0);
    saver.changed();
    for (const i of [1, 2, 3]) {
      s.acked.push(i);
      saver.changed();
    }
    expect(writes).toEqual([[0]]);
    blocking = false;
    unblock();
    await saver.flush();
    // The second write carried acks 1–3 at once, and flush() needed no third one.
    expect(writes).toEqual([[0], [0, 1, 2, 3]]);
  });

  test("saved() resolves once a write covering the change has finished, not before", async () => {
    let unblock: () => void = () => {};
    const writes: number[][] = [];
    const store = {
      get: async () => undefined,
      delete: async () => {},
      list: async () => [],
      set: async (_key: string, saved: SavedSession) => {
        writes.push(saved.session.acked);
        await new Promise<void>((r) => (unblock = r));
      },
    };
    const s = session();
    const saver = new SessionSaver(store, id, s, () => {});
    const order: string[] = [];
    s.acked.push(0);
    saver.changed();
    const first = saver.saved().then(() => order.push("0 saved"));
    s.acked.push(1);
    saver.changed(); // made while the first write runs: only the second write covers it
    const second = saver.saved().then(() => order.push("1 saved"));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    unblock();
    await first;
    expect(order).toEqual(["0 saved"]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([[0], [0, 1]]);
    unblock();
    await second;
    expect(order).toEqual(["0 saved", "1 saved"]);
    await expect(saver.saved()).resolves.toBeUndefined();
  });

  test("a failing store warns once and is not called again", async () => {
    let sets = 0;
    const warnings: string[] = [];
    const saver = new SessionSaver(
      {
        get: async () => undefined,
        delete: async () => {
          throw new Error("gone");
        },
        list: async () => [],
        set: async () => {
          sets += 1;
          throw new Error("EACCES");
        },
      },
      id,
      session(),
      (m) => warnings.push(m),
    );
    saver.changed();
    await saver.flush();
    saver.changed();
    await saver.flush();
    await saver.delete();
    expect(sets).toBe(1);
    expect(saver.active).toBe(false);
    expect(warnings).toEqual([
      "could not save the session of s; this upload goes on but cannot be resumed",
    ]);
  });
});
