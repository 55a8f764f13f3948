// The `inspect` command's table cells and JSON for one inspected file (pure).
import type { MediaInspection, PreflightIssue } from "../index.js";
import { formatBytes } from "./format.js";

/** Column headers of the inspect table. */
export const INSPECT_COLUMNS = [
  "file",
  "type",
  "size",
  "duration",
  "frame",
  "fps",
  "video",
  "audio",
  "bitrate",
  "fast start",
  "X's rules",
] as const;

const DASH = "–";
const num = (n: number | undefined, digits = 2): string =>
  n === undefined ? DASH : String(Math.round(n * 10 ** digits) / 10 ** digits);

/** One table row for `file`. */
export function inspectRow(
  file: string,
  m: MediaInspection,
  issues: readonly PreflightIssue[],
): string[] {
  const base = [file, m.mediaType ?? "unknown", formatBytes(m.size)];
  const verdict = summarize(issues);
  if (m.kind === "video") {
    const v = m.video;
    const a = m.audio;
    return [
      ...base,
      m.durationSeconds === undefined ? DASH : `${num(m.durationSeconds)} s`,
      frame(m.width, m.height),
      num(m.frameRate),
      v
        ? [v.codec, v.profile, v.pixelFormat].filter(Boolean).join(" ")
        : "none",
      a
        ? [a.codec, a.profile, a.channels && `${a.channels} ch`]
            .filter(Boolean)
            .join(" ")
        : "none",
      m.bitrate === undefined
        ? DASH
        : `${num(m.bitrate / 1000, m.bitrate < 10_000 ? 1 : 0)} kb/s`,
      m.fastStart ? "yes" : "no (moov at end)",
      verdict,
    ];
  }
  const rest =
    m.kind === "gif"
      ? [DASH, frame(m.width, m.height), DASH, `${m.frameCount} frames`, DASH]
      : m.kind === "image"
        ? [DASH, frame(m.width, m.height), DASH, m.format, DASH]
        : [DASH, DASH, DASH, m.reason, DASH];
  return [...base, ...rest, DASH, DASH, verdict];
}

/** `ok`, `1 error`, `2 errors, 1 warning`. */
export function summarize(issues: readonly PreflightIssue[]): string {
  const count = (severity: PreflightIssue["severity"], word: string) => {
    const n = issues.filter((i) => i.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? "" : "s"}`];
  };
  const parts = [...count("error", "error"), ...count("warning", "warning")];
  return parts.length === 0 ? "ok" : parts.join(", ");
}

/** `--json` entry of one file. */
export function inspectJson(
  file: string,
  m: MediaInspection,
  issues: readonly PreflightIssue[],
): Record<string, unknown> {
  return { file, ...m, issues };
}

const frame = (w: number | undefined, h: number | undefined): string =>
  w === undefined || h === undefined ? DASH : `${w}×${h}`;
