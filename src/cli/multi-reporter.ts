// Progress of several uploads on stderr: on a TTY one live line per file plus a total line, redrawn in place;
// otherwise the files' plain milestone lines; or nothing.
import type { UploadManyProgress } from "../index.js";
import { formatBytes, formatDuration } from "./format.js";
import { println, type OutStream } from "./io.js";
import type { ProgressMode } from "./reporter.js";
import {
  milestoneKey,
  renderPlainLine,
  renderProgressLine,
  type ProgressView,
} from "./progress.js";
import { addSample, rateOf, type RateSample } from "./rate.js";

/** Receives the aggregate progress of a batch and renders it. */
export interface MultiReporter {
  update(progress: UploadManyProgress): void;
  /** A line above the live block (a retry, a warning). */
  note(line: string): void;
  /** Draws the final state and leaves the block on screen. */
  finish(): void;
}

const REDRAW_MS = 80;

/** Creates a reporter for `labels` (one per file, in input order). */
export function createMultiReporter(options: {
  stream: OutStream;
  mode: ProgressMode;
  labels: readonly string[];
  now: () => number;
}): MultiReporter {
  const { stream, mode, labels, now } = options;
  const startedAt = now();
  const samples: RateSample[][] = labels.map(() => []);
  const keys: string[] = labels.map(() => "");
  let last: UploadManyProgress | undefined;
  let drawnLines = 0;
  let lastDraw = -Infinity;

  const views = (p: UploadManyProgress): (ProgressView | undefined)[] =>
    p.files.map((f, i) => {
      if (f.phase === "queued" || f.phase === "failed") return undefined;
      return {
        label: labels[i] ?? `#${i + 1}`,
        phase: f.phase,
        totalBytes: f.totalBytes,
        bytesSent: f.bytesSent,
        bytesAcked: f.bytesAcknowledged,
        processingPercent: f.processingPercent,
        bytesPerSecond: rateOf(samples[i] ?? []),
        elapsedMs: now() - startedAt,
      };
    });

  const erase = () => {
    // Cursor up over the block, then clear to the end of the screen (ECMA-48 CUU, ED).
    if (drawnLines > 0) stream.write(`\x1b[${drawnLines}A\r\x1b[J`);
    drawnLines = 0;
  };

  const drawBlock = (p: UploadManyProgress) => {
    const columns = (stream.columns || 80) - 1;
    const lines = views(p).map((view, i) => {
      const label = labels[i] ?? `#${i + 1}`;
      if (view) return renderProgressLine(view, columns);
      const word = p.files[i]?.phase === "failed" ? "failed" : "queued";
      return `${label}  ${word}`.slice(0, columns);
    });
    lines.push(totalLine(p, now() - startedAt).slice(0, columns));
    erase();
    stream.write(`${lines.join("\n")}\n`);
    drawnLines = lines.length;
  };

  return {
    update(p) {
      const at = now();
      p.files.forEach((f, i) => {
        samples[i] = addSample(samples[i] ?? [], {
          atMs: at,
          bytes: f.bytesAcknowledged,
        });
      });
      const phasesChanged =
        !last || p.files.some((f, i) => f.phase !== last?.files[i]?.phase);
      last = p;
      if (mode === "plain") {
        views(p).forEach((view, i) => {
          if (!view) return;
          const key = milestoneKey(view);
          if (key !== keys[i]) println(stream, renderPlainLine(view));
          keys[i] = key;
        });
        return;
      }
      if (mode !== "bar") return;
      if (!phasesChanged && at - lastDraw < REDRAW_MS) return;
      lastDraw = at;
      drawBlock(p);
    },
    note(line) {
      if (mode === "bar") erase();
      println(stream, line);
      if (mode === "bar" && last) drawBlock(last);
    },
    finish() {
      if (mode === "bar" && last) drawBlock(last);
    },
  };
}

/** `total  2 of 3 done, 1 failed  12.0 MiB / 20.0 MiB  4.1s` */
export function totalLine(p: UploadManyProgress, elapsedMs: number): string {
  const failed = p.filesFailed > 0 ? `, ${p.filesFailed} failed` : "";
  return `total  ${p.filesDone} of ${p.filesTotal} done${failed}  ${formatBytes(p.bytesAcknowledged)} / ${formatBytes(p.totalBytes)}  ${formatDuration(elapsedMs)}`;
}
