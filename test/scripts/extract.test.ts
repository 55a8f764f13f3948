import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import {
  extractMediaSpec,
  MEDIA_OPERATIONS,
  refsIn,
} from "../../scripts/lib/extract.js";
import {
  isObject,
  loadSpec,
  sortKeys,
  type Json,
  type JsonObject,
  type LoadedSpec,
} from "../../scripts/lib/load.js";
import { deref } from "../../scripts/lib/locate.js";
import { EXTRACT_PATH } from "../../scripts/lib/paths.js";
import {
  committedUpstream,
  extractOf,
  specFixturePath,
} from "./helpers/fixtures.js";

// The upstream version the committed extract came from, and its fixture (spec:update stores it).
const CURRENT = committedUpstream().version;
const SPEC_PATH = specFixturePath(CURRENT);
// X's documentation pages the project started from describe spec 2.156.
const SEED_VERSION = "2.156";
const SEED_PATH = fileURLToPath(
  new URL("../fixtures/seed/000_6a2bb74ee01910ea.txt", import.meta.url),
);
const text = (extract: JsonObject): string =>
  `${JSON.stringify(extract, null, 2)}\n`;

let spec: LoadedSpec;
let extract: JsonObject;
beforeAll(async () => {
  spec = await loadSpec(SPEC_PATH);
  extract = extractMediaSpec(spec);
});

describe(`extractMediaSpec on X's spec ${CURRENT} (the committed extract's upstream)`, () => {
  it("equals the committed openapi/x-media.openapi.json byte for byte", async () => {
    expect(text(extract)).toBe(await readFile(EXTRACT_PATH, "utf8"));
  });

  it("is deterministic, whatever the upstream key order", () => {
    expect(text(extractMediaSpec(spec))).toBe(text(extract));
    const reversed = (value: Json): Json =>
      Array.isArray(value)
        ? value.map(reversed)
        : isObject(value)
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const shuffled = { ...spec, document: reversed(spec.document) };
    expect(text(extractMediaSpec(shuffled as LoadedSpec))).toBe(text(extract));
  });

  it("holds the 8 media operations and nothing else", () => {
    const ids = Object.values(extract["paths"] as JsonObject).flatMap((item) =>
      Object.values(item as JsonObject)
        .filter(isObject)
        .map((op) => op["operationId"]),
    );
    expect(ids.sort()).toEqual([...MEDIA_OPERATIONS].sort());
    expect(ids).toHaveLength(8);
  });

  it("resolves every #/components ref inside the extract, discriminator mappings included", () => {
    const refs = refsIn(extract);
    const mappingTargets: Json[] = [];
    const walk = (node: Json): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!isObject(node)) return;
      const discriminator = node["discriminator"];
      if (isObject(discriminator) && isObject(discriminator["mapping"]))
        mappingTargets.push(...Object.values(discriminator["mapping"]));
      Object.values(node).forEach(walk);
    };
    walk(extract);
    // X's Problem type maps each problem URI to a subtype (9 in 2.167, 16 in 2.156).
    expect(mappingTargets.length).toBeGreaterThan(5);
    expect(refs).toEqual(expect.arrayContaining(mappingTargets));
    const dangling = [...new Set(refs)].filter(
      (ref) => deref(extract, { $ref: ref }) === undefined,
    );
    expect(dangling).toEqual([]);
  });

  it("records the upstream version and the sha256 of the upstream bytes", async () => {
    const sha256 = createHash("sha256")
      .update(gunzipSync(await readFile(SPEC_PATH)))
      .digest("hex");
    expect(extract["x-upstream"]).toEqual({
      version: CURRENT,
      sha256,
      operations: [...MEDIA_OPERATIONS].sort(),
    });
  });

  it("throws naming the operations a spec lacks", () => {
    const document = structuredClone(spec.document);
    delete (document["paths"] as JsonObject)["/2/media/upload/{id}/append"];
    expect(() => extractMediaSpec({ ...spec, document })).toThrow(
      `The spec at ${SPEC_PATH} lacks operations: appendMediaUpload.`,
    );
  });
});

describe(`extract of ${SEED_VERSION} against X's documentation pages of ${SEED_VERSION} (seed)`, () => {
  let seedExtract: JsonObject;
  beforeAll(async () => {
    seedExtract = await extractOf(SEED_VERSION);
  });
  // Each page carries its endpoint as a mini OpenAPI doc in a ````yaml <method> <path> block.
  const blocks = async (): Promise<
    { method: string; path: string; doc: JsonObject }[]
  > => {
    const seed = await readFile(SEED_PATH, "utf8");
    return [...seed.matchAll(/^````yaml (\w+) (\S+)\n([\s\S]*?)^````$/gm)].map(
      ([, method = "", path = "", body = ""]) => ({
        method,
        path,
        doc: parseYaml(body) as JsonObject,
      }),
    );
  };

  it("has the same operation objects for the four chunked-upload operations", async () => {
    const found = await blocks();
    expect(found).toHaveLength(4);
    const ids: Json[] = [];
    for (const { method, path, doc } of found) {
      const theirs = ((doc["paths"] as JsonObject)[path] as JsonObject)[method];
      const ours = ((seedExtract["paths"] as JsonObject)[path] as JsonObject)[
        method
      ];
      expect(theirs).toBeDefined();
      expect(ours).toEqual(theirs);
      ids.push((theirs as JsonObject)["operationId"] as Json);
    }
    expect(ids.sort()).toEqual([
      "appendMediaUpload",
      "finalizeMediaUpload",
      "getMediaUploadStatus",
      "initializeMediaUpload",
    ]);
  });

  it("has every component the pages define, identical", async () => {
    let compared = 0;
    for (const { doc } of await blocks()) {
      for (const [section, entries] of Object.entries(
        doc["components"] as JsonObject,
      )) {
        for (const [name, theirs] of Object.entries(entries as JsonObject)) {
          const ours = (
            (seedExtract["components"] as JsonObject)[section] as JsonObject
          )[name];
          expect({ name, schema: ours }).toEqual({ name, schema: theirs });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});

describe("loadSpec", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "x-media-extract-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a YAML rendering of the spec to the same document and extract", async () => {
    const yamlText = stringifyYaml(spec.document);
    const path = join(dir, "openapi.yaml");
    await writeFile(path, yamlText);
    const loaded = await loadSpec(path);
    expect(loaded.document).toEqual(spec.document);
    expect(loaded.sha256).toBe(
      createHash("sha256").update(yamlText).digest("hex"),
    );
    const fromYaml = extractMediaSpec(loaded);
    expect(sortKeys({ ...fromYaml, "x-upstream": null })).toEqual(
      sortKeys({ ...extract, "x-upstream": null }),
    );
    expect((fromYaml["x-upstream"] as JsonObject)["sha256"]).toBe(
      loaded.sha256,
    );
  });

  it("rejects a document that is not OpenAPI 3", async () => {
    const path = join(dir, "not-openapi.yaml");
    await writeFile(path, "swagger: '2.0'\npaths: {}\n");
    await expect(loadSpec(path)).rejects.toThrow(
      `${path} is not an OpenAPI 3 document (no "openapi" field).`,
    );
  });
});
