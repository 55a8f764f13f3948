// Finds this package's root (version, fixtures/) from src/ under tsx or jest, or from dist/ when built (ESM and CJS).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: { root: string; version: string } | undefined;

/** The directory holding x-media-upload's package.json, and its version. */
export function packageInfo(): { root: string; version: string } {
  if (cached) return cached;
  // In the CJS build tsup's shims turn import.meta.url into this file's URL (tsup.config.ts).
  const here = fileURLToPath(import.meta.url);
  let dir = dirname(here);
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (json.name === "x-media-upload")
        return (cached = { root: dir, version: json.version ?? "0.0.0" });
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `x-media-upload: its package.json was not found above ${here}.`,
      );
    dir = parent;
  }
}

/** Absolute path of a file shipped in fixtures/. */
export function fixturePath(name: string): string {
  return join(packageInfo().root, "fixtures", name);
}
