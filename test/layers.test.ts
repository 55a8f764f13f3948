// Layers import downward only: cli → client → engine → api → http → media, auth, errors → generated.
// redis/ and testing/ (the fake) sit beside the client and may use anything below it; only the cli imports testing/.
import { expect, test } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RANK: Readonly<Record<string, number>> = {
  cli: 7,
  "index.js": 6,
  client: 5,
  // x-media-upload/redis: beside the client, built on the api and engine interfaces it implements.
  redis: 5,
  testing: 4.5,
  engine: 4,
  api: 3,
  http: 2,
  media: 1,
  auth: 1,
  errors: 1,
  "runtime.js": 1,
  "package-root.js": 1,
  generated: 0,
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

// src/<layer>/… or a top-level src/<file>; imports name files by their .js output.
function layerOf(path: string): string {
  const parts = normalize(path).split(/[\\/]/);
  if (parts[0] === "generated") return "generated";
  const top = parts[1] ?? "";
  return top.replace(/\.ts$/, ".js");
}

test("every import in src/ points to the same layer or one below", () => {
  const upward: string[] = [];
  for (const file of sources("src")) {
    const from = layerOf(file);
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const [, spec] of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
      const target = relative(ROOT, join(ROOT, dirname(file), spec ?? ""));
      const to = layerOf(target);
      const a = RANK[from];
      const b = RANK[to];
      if (a === undefined || b === undefined) {
        upward.push(`${file}: unknown layer ${from} or ${to}`);
      } else if (b > a)
        upward.push(`${file} (${from}) imports ${target} (${to})`);
    }
  }
  expect(upward).toEqual([]);
});
