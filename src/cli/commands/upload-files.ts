// `x-media-upload upload a.jpg b.png c.mp4`: several files through one client (uploadMany), a live line per
// file plus a total, the media ids on stdout in input order, and the worst file's exit code.
import { basename } from "node:path";
import {
  type MediaClient,
  type RetryEvent,
  type UploadManyItem,
  type UploadManyOutcome,
  type UploadOptions,
} from "../../index.js";
import { errorJson, exitCodeFor } from "../exit-codes.js";
import { println, type CliIo } from "../io.js";
import { createMultiReporter } from "../multi-reporter.js";
import type { ProgressMode } from "../reporter.js";
import { countRetry, describeRetry, type RetryCounts } from "../retry-notes.js";
import { UsageError } from "../usage-error.js";
import { cliMessage } from "../wording.js";
import { resumable, uploadJson } from "./upload.js";
import { resumeCommand, type CliResume } from "../resume.js";

/** What the upload command hands over for several files. */
export interface UploadFilesJob {
  files: readonly string[];
  /** The command's arguments, for the resume command printed after a stop. */
  argv: readonly string[];
  /** Resume options, unless --no-resume or stdin. */
  resume: CliResume | undefined;
  /** One per file (`""` for none), or empty. */
  altTexts: readonly string[];
  options: UploadOptions;
  json: boolean;
  quiet: boolean;
  mode: ProgressMode;
}

/** Checks that `--alt-text` was given once per file or not at all; returns them per file. */
export function altTextsPerFile(
  given: readonly string[],
  files: readonly string[],
): string[] {
  if (given.length === 0) return [];
  if (given.length !== files.length) {
    throw new UsageError(
      `--alt-text was given ${given.length} time(s) for ${files.length} files: give it once per file, in the order of the files (--alt-text "" for none).`,
      "upload",
    );
  }
  return [...given];
}

/** Uploads every file; resolves with the worst exit code (0 when all succeeded). */
export async function uploadFiles(
  client: MediaClient,
  job: UploadFilesJob,
  io: CliIo,
): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const reporter = createMultiReporter({
    stream: io.stderr,
    mode: job.mode,
    labels: job.files.map((f) => basename(f)),
    now,
  });
  const counts: RetryCounts = { retries: 0, rateLimitWaits: 0 };
  const onRetry = (event: RetryEvent): void => {
    countRetry(counts, event);
    if (!job.quiet) reporter.note(describeRetry(event));
  };
  const items: UploadManyItem[] = job.files.map((input, i) => {
    const altText = job.altTexts[i];
    return altText ? { input, altText } : input;
  });
  const startedAt = now();
  const outcomes = await client.uploadMany(items, {
    ...job.options,
    ...job.resume?.options,
    signal: io.signal,
    onRetry,
    onProgress: (p) => reporter.update(p),
  });
  reporter.finish();
  const elapsedMs = Math.round(now() - startedAt);
  report(job, outcomes, elapsedMs, io, counts);
  const unfinished = job.files.filter((_, i) => {
    const o = outcomes[i];
    return o?.status === "rejected" && resumable(job.resume, o.reason, io);
  });
  if (unfinished.length > 0)
    println(
      io.stderr,
      `${unfinished.length} upload(s) saved; continue with:\n  ${resumeCommand(
        job.argv,
        job.files,
        job.files.filter((_, i) => outcomes[i]?.status !== "fulfilled"),
      )}`,
    );
  return outcomes.reduce(
    (worst, o) =>
      o.status === "fulfilled" ? worst : Math.max(worst, exitCodeFor(o.reason)),
    0,
  );
}

function report(
  job: UploadFilesJob,
  outcomes: readonly UploadManyOutcome[],
  elapsedMs: number,
  io: CliIo,
  counts: RetryCounts,
): void {
  if (job.json) {
    const rows = outcomes.map((o, i) => {
      const file = job.files[i] ?? "";
      if (o.status === "fulfilled") return uploadJson(file, o.value, elapsedMs);
      const { error } = errorJson(o.reason);
      return {
        ok: false,
        file,
        error: { ...error, message: cliMessage(o.reason) },
      };
    });
    println(io.stdout, JSON.stringify(rows));
    return;
  }
  // One line per file, in input order; a failed file's line is empty so line N stays file N.
  for (const o of outcomes)
    println(io.stdout, o.status === "fulfilled" ? o.value.id : "");
  outcomes.forEach((o, i) => {
    if (o.status === "rejected")
      println(
        io.stderr,
        `x-media-upload: ${job.files[i]}: ${cliMessage(o.reason)}`,
      );
  });
  if (!job.quiet) {
    const ok = outcomes.filter((o) => o.status === "fulfilled").length;
    println(
      io.stderr,
      `Uploaded ${ok} of ${outcomes.length} files${counts.retries + counts.rateLimitWaits > 0 ? ` (${counts.retries} retries, ${counts.rateLimitWaits} rate-limit waits)` : ""}.`,
    );
  }
}
