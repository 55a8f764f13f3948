// Loading an upstream spec (JSON or YAML, from a file or a URL) and its sha256.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";

/** An OpenAPI document as plain JSON. */
export type Json =
  null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The raw text of a spec, where it came from, and its sha256. */
export interface LoadedSpec {
  source: string;
  sha256: string;
  document: JsonObject;
  /** The upstream text itself (what sha256 hashes). */
  text: string;
}

/** Reads a spec from a path (gzipped when it ends in `.gz`) or an http(s) URL; JSON first, YAML as fallback. */
export async function loadSpec(source: string): Promise<LoadedSpec> {
  const text = /^https?:\/\//.test(source)
    ? await fetchText(source)
    : await readText(source);
  const sha256 = createHash("sha256").update(text).digest("hex");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    document = parseYaml(text);
  }
  if (!isObject(document) || typeof document["openapi"] !== "string") {
    throw new Error(
      `${source} is not an OpenAPI 3 document (no "openapi" field).`,
    );
  }
  return { source, sha256, document, text };
}

// sha256 is of the upstream bytes, so a gzipped copy hashes like the original.
async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}.`);
  return response.text();
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy with object keys sorted, so output bytes never depend on upstream key order. */
export function sortKeys<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item)) as T;
  if (!isObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys(value[key] as Json);
  return sorted as T;
}
