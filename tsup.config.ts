// Builds dist/: ESM + CommonJS with .d.ts/.d.cts for `.`, `./testing` and `./redis`, and the ESM CLI (dist/cli.js).
// ioredis (an optional peer dependency) is never bundled: ./redis only uses the connection its caller passes.
import { defineConfig } from "tsup";

const entry = {
  index: "src/index.ts",
  testing: "src/testing/index.ts",
  redis: "src/redis/index.ts",
};

export default defineConfig([
  {
    // ESM: library entries and the CLI share chunks; the shebang of src/cli/main.ts is kept and made executable.
    entry: { ...entry, cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: { entry },
    platform: "node",
    target: "node20",
    splitting: true,
    sourcemap: true,
    external: ["ioredis"],
  },
  {
    // CommonJS: p-retry and is-network-error are ESM-only (require(esm) is missing before Node 20.19), and
    // openapi-fetch's CJS build puts createClient on `exports.default`, which esbuild's Node-mode interop
    // for a `"type": "module"` package reads as the whole exports object; so all three are bundled.
    entry,
    format: ["cjs"],
    dts: { entry },
    platform: "node",
    target: "node20",
    noExternal: ["p-retry", "is-network-error", "openapi-fetch"],
    external: ["ioredis"],
    // src/package-root.ts finds fixtures/ from import.meta.url, which CommonJS lacks: the shim derives it from __filename.
    shims: true,
    sourcemap: true,
  },
]);
