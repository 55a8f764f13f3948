// Which saved session belongs to an input: the key names the place (API origin, account, file path or the
// caller's resumeKey), the fingerprint the content (size, mtime, first and last 64 KiB), so a changed file finds
// its old record, sees the mismatch and starts fresh. Both are hashes: no path content, token or secret is kept.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { MediaSource } from "../source/types.js";

/** Bytes hashed at each end of the input. */
export const EDGE_BYTES = 64 * 1024;

/** Where a session is stored and what it must match. */
export interface ResumeIdentity {
  key: string;
  fingerprint: string;
  /** For people: the absolute path, or the resumeKey. */
  source: string;
}

/** What identifies an input independently of its bytes: a file path, or the caller's key. */
export type ResumeName =
  { kind: "file"; path: string } | { kind: "key"; resumeKey: string };

/** The key and fingerprint of `source` (opened from `name`) for `origin` and `identity`. */
export async function resumeIdentity(
  name: ResumeName,
  source: MediaSource,
  scope: { origin: string; identity: string },
): Promise<ResumeIdentity> {
  const label = name.kind === "file" ? resolve(name.path) : name.resumeKey;
  const key = digest(["key", scope.origin, scope.identity, name.kind, label]);
  const size = String(source.size);
  // mtime catches an edit that keeps size and both ends (a re-encode rarely does; a patched middle may).
  const mtime =
    name.kind === "file" ? String((await stat(label)).mtimeMs) : "-";
  const head = await source.head(EDGE_BYTES);
  // A stream can only be read forward: its tail is unknown before the upload.
  const tail = source.sequential
    ? new Uint8Array(0)
    : new Uint8Array(
        await (
          await source.read(Math.max(0, source.size - EDGE_BYTES), source.size)
        ).arrayBuffer(),
      );
  const fingerprint = digest(["content", key, size, mtime], [head, tail]);
  return { key, fingerprint, source: label };
}

function digest(fields: string[], bytes: Uint8Array[] = []): string {
  const hash = createHash("sha256").update("x-media-upload resume v1");
  for (const field of fields) hash.update(`\n${field.length}:${field}`);
  for (const part of bytes) hash.update(`\n${part.length}:`).update(part);
  return hash.digest("hex").slice(0, 32);
}
