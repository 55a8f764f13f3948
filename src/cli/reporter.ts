// Draws progress on stderr: a live bar on a TTY, throttled plain lines otherwise, or nothing.
import type {
  MediaClient,
  UploadInput,
  UploadOptions,
  UploadResult,
} from "../index.js";
import { println, type OutStream } from "./io.js";
import {
  milestoneKey,
  renderPlainLine,
  renderProgressLine,
  type ProgressView,
} from "./progress.js";
import { addSample, rateOf, type RateSample } from "./rate.js";

/** How progress is shown. */
export type ProgressMode = "bar" | "plain" | "none";

/** A progress change; the reporter adds label, elapsed time and rate. */
export type ProgressUpdate = Omit<
  ProgressView,
  "label" | "elapsedMs" | "bytesPerSecond"
>;

/** Receives progress of one upload and renders it. */
export interface Reporter {
  update(update: ProgressUpdate): void;
  /** Draws the final state and ends the bar's line. */
  finish(): void;
  /** Ends the bar's line without drawing more (before an error message). */
  stop(): void;
  /** Prints `line` above the bar (a retry, a rate-limit wait) and redraws the bar below it. */
  note(line: string): void;
}

/** Picks the mode: none when quiet, a bar on a TTY, plain lines otherwise (none for `--json` off a TTY). */
export function progressMode(
  stream: OutStream,
  flags: { quiet?: boolean; json?: boolean },
): ProgressMode {
  if (flags.quiet) return "none";
  if (stream.isTTY) return "bar";
  return flags.json ? "none" : "plain";
}

const REDRAW_MS = 80;

/** Creates a reporter writing to `stream`. */
export function createReporter(options: {
  stream: OutStream;
  mode: ProgressMode;
  label: string;
  now: () => number;
}): Reporter {
  const { stream, mode, label, now } = options;
  const startedAt = now();
  let samples: RateSample[] = [];
  let view: ProgressView | undefined;
  let lastDraw = -Infinity;
  let lastKey = "";
  let open = false;

  const draw = (force: boolean): void => {
    if (!view || mode === "none") return;
    if (mode === "plain") {
      const key = milestoneKey(view);
      if (key !== lastKey) println(stream, renderPlainLine(view));
      lastKey = key;
      return;
    }
    const at = now();
    if (!force && at - lastDraw < REDRAW_MS) return;
    lastDraw = at;
    open = true;
    // \r + erase-line redraws in place (ECMA-48 EL, CSI 2 K). Some terminals (and CI pseudo-TTYs) report 0 columns.
    stream.write(
      `\r\x1b[2K${renderProgressLine(view, (stream.columns || 80) - 1)}`,
    );
  };

  return {
    update(update) {
      const at = now();
      samples = addSample(samples, { atMs: at, bytes: update.bytesAcked });
      const phaseChanged = view?.phase !== update.phase;
      view = {
        ...update,
        label,
        elapsedMs: at - startedAt,
        bytesPerSecond: rateOf(samples),
      };
      draw(phaseChanged);
    },
    finish() {
      if (view) view = { ...view, phase: "done", elapsedMs: now() - startedAt };
      draw(true);
      this.stop();
    },
    stop() {
      if (open) stream.write("\n");
      open = false;
    },
    note(line) {
      if (open) stream.write("\r\x1b[2K");
      open = false;
      println(stream, line);
      draw(true);
    },
  };
}

/** Runs `client.upload` with `reporter` drawing its progress; ends the bar whatever the outcome. */
export async function uploadWithReporter(
  client: MediaClient,
  input: UploadInput,
  options: UploadOptions,
  reporter: Reporter,
): Promise<UploadResult> {
  let result: UploadResult;
  try {
    result = await client.upload(input, {
      ...options,
      onProgress: (p) =>
        reporter.update({ ...p, bytesAcked: p.bytesAcknowledged }),
    });
  } catch (error) {
    reporter.stop();
    throw error;
  }
  reporter.finish();
  return result;
}
