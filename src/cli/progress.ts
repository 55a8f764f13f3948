// Pure progress rendering: one snapshot in, one line of text out (a TTY bar or a plain log line).
import type { UploadPhase } from "../engine/progress.js";
import {
  formatBytes,
  formatDuration,
  formatEta,
  formatRate,
} from "./format.js";

/** Everything one progress line shows. */
export interface ProgressView {
  /** Usually the file name. */
  label: string;
  phase: UploadPhase;
  totalBytes: number;
  /** Bytes handed to the network, acknowledged or not. */
  bytesSent: number;
  /** Bytes X acknowledged (APPENDs answered 2xx). */
  bytesAcked: number;
  /** X's `progress_percent` while processing. */
  processingPercent?: number | undefined;
  /** Smoothed upload rate; `undefined` until measurable. */
  bytesPerSecond?: number | undefined;
  /** Time since the upload started. */
  elapsedMs: number;
}

const PHASE_WORDS: Record<UploadPhase, string> = {
  initialize: "starting",
  append: "uploading",
  finalize: "finalizing",
  processing: "processing",
  done: "done",
};

/** Percent (0–100, integer) of the current phase: bytes acknowledged while uploading, X's percent while processing. */
export function phasePercent(view: ProgressView): number {
  if (view.phase === "processing")
    return clampPercent(view.processingPercent ?? 0);
  if (view.phase === "finalize" || view.phase === "done") return 100;
  if (view.totalBytes <= 0) return 0;
  return clampPercent((view.bytesAcked / view.totalBytes) * 100);
}

/** Milliseconds left at the current rate, when there is one. */
export function etaMs(view: ProgressView): number | undefined {
  if (view.phase !== "append" || !view.bytesPerSecond) return undefined;
  return ((view.totalBytes - view.bytesAcked) / view.bytesPerSecond) * 1000;
}

/** The bar: `█` acknowledged, `▒` sent but not yet acknowledged, `░` still to send. */
export function renderBar(view: ProgressView, width: number): string {
  const cells = Math.max(1, Math.floor(width));
  if (view.phase !== "append" && view.phase !== "initialize") {
    const full = Math.round((phasePercent(view) / 100) * cells);
    return "█".repeat(full) + "░".repeat(cells - full);
  }
  const total = view.totalBytes > 0 ? view.totalBytes : 1;
  const acked = Math.min(cells, Math.round((view.bytesAcked / total) * cells));
  const sent = Math.min(
    cells,
    Math.max(acked, Math.round((view.bytesSent / total) * cells)),
  );
  return (
    "█".repeat(acked) + "▒".repeat(sent - acked) + "░".repeat(cells - sent)
  );
}

/** One TTY line fitting `columns`: label, phase, bar, percent, then bytes, rate and ETA while uploading. */
export function renderProgressLine(
  view: ProgressView,
  columns: number,
): string {
  const percent = `${String(phasePercent(view)).padStart(3)}%`;
  const details =
    view.phase === "append"
      ? `  ${formatBytes(view.bytesAcked)} / ${formatBytes(view.totalBytes)}  ${formatRate(view.bytesPerSecond)}  ${formatEta(etaMs(view))}`
      : view.phase === "done"
        ? `  ${formatBytes(view.totalBytes)} in ${formatDuration(view.elapsedMs)}`
        : "";
  const phase = PHASE_WORDS[view.phase].padEnd(10);
  const fixed = phase.length + percent.length + details.length + 6;
  const labelWidth = Math.max(
    8,
    Math.min(view.label.length, columns - fixed - 10),
  );
  const label = ellipsize(view.label, labelWidth);
  const barWidth = Math.max(10, Math.min(30, columns - fixed - label.length));
  const line = `${label}  ${phase} ${renderBar(view, barWidth)} ${percent}${details}`;
  return line.length > columns ? line.slice(0, Math.max(0, columns)) : line;
}

/** One log line for a non-TTY stream: `photo.png: uploading 40% (4.0 KiB of 10.0 KiB, 2.1 KiB/s)`. */
export function renderPlainLine(view: ProgressView): string {
  const word = PHASE_WORDS[view.phase];
  switch (view.phase) {
    case "append":
      return `${view.label}: ${word} ${phasePercent(view)}% (${formatBytes(view.bytesAcked)} of ${formatBytes(view.totalBytes)}, ${formatRate(view.bytesPerSecond)})`;
    case "processing":
      return `${view.label}: ${word} ${phasePercent(view)}%`;
    case "done":
      return `${view.label}: ${word}, ${formatBytes(view.totalBytes)} in ${formatDuration(view.elapsedMs)}`;
    default:
      return `${view.label}: ${word}`;
  }
}

/** Key that changes only every `step` percent or on a phase change, so plain output stays short. */
export function milestoneKey(view: ProgressView, step = 10): string {
  return `${view.phase}:${Math.floor(phasePercent(view) / step)}`;
}

function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, Math.floor(value)));
}

function ellipsize(text: string, width: number): string {
  return text.length <= width
    ? text
    : `${text.slice(0, Math.max(1, width - 1))}…`;
}
