// The default session store: one JSON file per upload in the user's cache directory, written atomically (temp
// file + rename) with mode 0600, and a lock file per session so two processes never resume the same one.
import { randomBytes } from "node:crypto";
import {
  link,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import process from "node:process";
import type { SavedSession, SessionStore } from "../../engine/session-store.js";
import { cacheDir } from "./cache-dir.js";

/** Options of {@link fileSessionStore}. */
export interface FileSessionStoreOptions {
  /**
   * Directory of the session files (created with mode 0700 on first save).
   * @default `sessions/` in the user's cache directory: `$XDG_CACHE_HOME/x-media-upload` or `~/.cache/x-media-upload` (Linux), `~/Library/Caches/x-media-upload` (macOS), `%LOCALAPPDATA%\x-media-upload\Cache` (Windows)
   */
  dir?: string | undefined;
}

/** A {@link SessionStore} of JSON files; `dir` is where they are. */
export interface FileSessionStore extends SessionStore {
  readonly dir: string;
}

// Lock files this process holds, by path: shared by every store instance, so two instances over one directory
// in one process exclude each other too.
const held = new Set<string>();

// Keys are hashes; anything else could name a path outside the directory.
const KEY = /^[A-Za-z0-9_-]{1,128}$/;

/** The default store of resumable upload sessions. */
export function fileSessionStore(
  options: FileSessionStoreOptions = {},
): FileSessionStore {
  const dir = options.dir ?? join(cacheDir(), "sessions");
  const file = (key: string, ext: string) => {
    if (!KEY.test(key))
      throw new TypeError(
        `Expected a session key of letters, digits, _ and -, got ${JSON.stringify(key)}.`,
      );
    return join(dir, `${key}${ext}`);
  };
  return {
    dir,
    async get(key) {
      const path = file(key, ".json");
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if ((error as { code?: unknown }).code === "ENOENT") return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as SavedSession;
      } catch {
        throw new Error(`${path} is not valid JSON`);
      }
    },
    async set(key, saved) {
      const path = file(key, ".json");
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      try {
        await writeFile(temp, JSON.stringify(saved), { mode: 0o600 });
        // rename is atomic: a crash leaves the old record or the new one, never half of one.
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async delete(key) {
      await rm(file(key, ".json"), { force: true });
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as { code?: unknown }).code === "ENOENT") return [];
        throw error;
      }
      const saved: SavedSession[] = [];
      for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
        try {
          saved.push(
            JSON.parse(await readFile(join(dir, name), "utf8")) as SavedSession,
          );
        } catch {
          // A damaged or vanished file is not a session; `get` reports it when its upload runs.
        }
      }
      return saved;
    },
    async claim(key) {
      const path = file(key, ".lock");
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const token = randomBytes(8).toString("hex");
      const owner = JSON.stringify({
        pid: process.pid,
        host: hostname(),
        token,
      });
      for (let tries = 0; tries < 2; tries += 1) {
        try {
          const handle = await open(path, "wx", 0o600);
          held.add(path);
          try {
            await handle.writeFile(owner).finally(() => handle.close());
          } catch (error) {
            held.delete(path);
            await rm(path, { force: true });
            throw error;
          }
          return async () => {
            held.delete(path);
            // Only our own lock: a stale-lock breaker may have replaced it.
            const now = await readFile(path, "utf8").catch(() => "");
            if (now === owner) await rm(path, { force: true });
          };
        } catch (error) {
          if ((error as { code?: unknown }).code !== "EEXIST") throw error;
          if (held.has(path)) return undefined;
          const stale = await staleLock(path);
          if (stale === undefined || !(await breakLock(path, stale, token)))
            return undefined;
        }
      }
      return undefined;
    },
  };
}

/** The lock file's text if it is stale (its process is gone), undefined if a running process holds it. */
async function staleLock(path: string): Promise<string | undefined> {
  let text = await readFile(path, "utf8").catch(() => "");
  if (text === "") {
    // Being written right now (open, then write), or damaged: only the former is live; a second look decides.
    await new Promise((r) => setTimeout(r, 50));
    text = await readFile(path, "utf8").catch(() => "");
  }
  let owner: { pid?: unknown; host?: unknown } = {};
  try {
    owner = JSON.parse(text) as typeof owner;
  } catch {
    return text;
  }
  if (typeof owner.pid !== "number") return text;
  // Another host's process cannot be checked from here: its lock counts as live.
  if (owner.host !== hostname()) return undefined;
  // This process's locks are in `held`; one naming our pid but not held is left by a dead process with our pid.
  if (owner.pid === process.pid) return held.has(path) ? undefined : text;
  try {
    process.kill(owner.pid, 0);
    return undefined;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM" ? undefined : text;
  }
}

/**
 * Removes the stale lock at `path` if it still holds `stale`; false if another process got there first. Moved
 * aside before it is checked, so two breakers never delete a lock a third process has just taken.
 */
async function breakLock(
  path: string,
  stale: string,
  token: string,
): Promise<boolean> {
  const aside = `${path}.${token}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return true; // gone already: try to take it
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== stale) {
    // A live lock taken since we looked: put it back (unless yet another one is there now).
    await link(aside, path).catch(() => {});
    await rm(aside, { force: true });
    return false;
  }
  await rm(aside, { force: true });
  return true;
}
