// `x-media-upload upload <file>...`: one upload with live progress and the media id on stdout; several go to upload-files.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  InvalidInputError,
  isAbortError,
  PREFLIGHT_MODES,
  type RetryEvent,
  type UploadOptions,
  type UploadResult,
} from "../../index.js";
import { withJsonFields } from "../exit-codes.js";
import { countRetry, describeRetry, type RetryCounts } from "../retry-notes.js";
import { ACCOUNT_TIERS } from "../../media/category.js";
import { MEDIA_CATEGORIES, MEDIA_TYPES } from "../../media/types.js";
import { clientFromEnv } from "../credentials.js";
import { formatBytes, formatDuration } from "../format.js";
import { HELP } from "../help.js";
import { println, type CliIo } from "../io.js";
import {
  choiceFlag,
  integerFlag,
  parseCommand,
  sizeFlag,
  type FlagSpec,
  type Parsed,
} from "../parse.js";
import {
  createReporter,
  progressMode,
  uploadWithReporter,
} from "../reporter.js";
import { UsageError } from "../usage-error.js";
import { altTextsPerFile, uploadFiles } from "./upload-files.js";
import { cliResume, resumeCommand, type CliResume } from "../resume.js";
import { inCliWords } from "../wording.js";

const FLAGS: FlagSpec = {
  type: { type: "string" },
  "force-type": { type: "boolean" },
  category: { type: "string" },
  "alt-text": { type: "string", multiple: true },
  "account-tier": { type: "string" },
  concurrency: { type: "string" },
  "segment-size": { type: "string" },
  "base-url": { type: "string" },
  "no-wait": { type: "boolean" },
  preflight: { type: "string" },
  resume: { type: "boolean" },
  "no-resume": { type: "boolean" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

/** Maps upload's flags to library {@link UploadOptions} (pure; bad values are usage errors). */
export function uploadOptionsFromFlags(
  values: Parsed["values"],
): UploadOptions {
  const options: UploadOptions = {};
  const mediaType = choiceFlag("type", values.type, MEDIA_TYPES);
  if (mediaType) options.mediaType = mediaType;
  if (values["force-type"]) {
    if (!mediaType) {
      throw new UsageError("--force-type needs --type <mime>.", "upload");
    }
    options.forceMediaType = true;
  }
  const mediaCategory = choiceFlag(
    "category",
    values.category,
    MEDIA_CATEGORIES,
  );
  if (mediaCategory) options.mediaCategory = mediaCategory;
  const altTexts = values["alt-text"];
  if (typeof altTexts === "string") options.altText = altTexts;
  const accountTier = choiceFlag(
    "account-tier",
    values["account-tier"],
    ACCOUNT_TIERS,
  );
  if (accountTier) options.accountTier = accountTier;
  const concurrency = integerFlag("concurrency", values.concurrency, 1, 32);
  if (concurrency !== undefined) options.concurrency = concurrency;
  const segmentBytes = sizeFlag("segment-size", values["segment-size"]);
  if (segmentBytes !== undefined) options.segmentBytes = segmentBytes;
  if (values["no-wait"]) options.waitForProcessing = false;
  const preflight = choiceFlag("preflight", values.preflight, PREFLIGHT_MODES);
  if (preflight) options.preflight = preflight;
  return options;
}

/** Runs upload; resolves 0 with the media id printed. */
export async function uploadCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const parsed = parseCommand("upload", argv, FLAGS, {
    min: 1,
    max: Infinity,
    names: "a <file>",
  });
  const { positionals } = parsed;
  if (parsed.values.help) {
    println(io.stdout, HELP.upload);
    return 0;
  }
  // --alt-text may repeat: once per file, in order.
  const altTexts = (parsed.values["alt-text"] ?? []) as unknown as string[];
  const values: Parsed["values"] = { ...parsed.values, "alt-text": undefined };
  if (positionals.length > 1) {
    if (positionals.includes("-")) {
      throw new UsageError(
        "`upload -` reads one pipe; give it alone, not among files.",
        "upload",
      );
    }
    await Promise.all(positionals.map(checkReadableFile));
    const resume = cliResume(values, positionals, io.env, (line) => {
      if (!values.quiet) println(io.stderr, line);
    });
    return uploadFiles(
      clientFromEnv(values["base-url"], io.env),
      {
        files: positionals,
        argv,
        resume,
        altTexts: altTextsPerFile(altTexts, positionals),
        options: uploadOptionsFromFlags(values),
        json: values.json === true,
        quiet: values.quiet === true,
        mode: progressMode(io.stderr, {
          quiet: values.quiet === true,
          json: values.json === true,
        }),
      },
      io,
    );
  }
  const file = positionals[0] ?? "";
  const options = uploadOptionsFromFlags({
    ...values,
    "alt-text": altTextsPerFile(altTexts.slice(0, 1), [file])[0],
  });
  if (altTexts.length > 1) altTextsPerFile(altTexts, [file]);
  const resume = cliResume(values, [file], io.env, (line) => {
    if (!values.quiet) reporter.note(line);
  });
  // `-` reads a pipe (e.g. from ffmpeg); its size is unknown, so the library spools it to a temp file first.
  const input = file === "-" ? stdinInput(io) : file;
  if (input === file) await checkReadableFile(file);
  const client = clientFromEnv(values["base-url"], io.env);

  const now = io.now ?? (() => performance.now());
  const reporter = createReporter({
    stream: io.stderr,
    mode: progressMode(io.stderr, {
      quiet: values.quiet === true,
      json: values.json === true,
    }),
    label: file === "-" ? "stdin" : basename(file),
    now,
  });
  const startedAt = now();
  const counts: RetryCounts = { retries: 0, rateLimitWaits: 0 };
  const onRetry = (event: RetryEvent): void => {
    countRetry(counts, event);
    if (!values.quiet) reporter.note(describeRetry(event));
  };
  let result: UploadResult;
  try {
    result = await uploadWithReporter(
      client,
      input,
      {
        ...options,
        ...resume?.options,
        signal: io.signal,
        onRetry,
        // Printed before the first request, ahead of the progress bar.
        onWarning: (w) => {
          if (!values.quiet)
            println(io.stderr, `warning: ${inCliWords(w.message)}`);
        },
      },
      reporter,
    );
  } catch (error) {
    if (resumable(resume, error, io))
      println(
        io.stderr,
        `The upload is saved (media ${(error as { mediaId?: string }).mediaId}); continue it with:\n  ${resumeCommand(argv, [file], [file])}`,
      );
    throw withJsonFields(error, { ...counts });
  }
  const elapsedMs = Math.round(now() - startedAt);
  if (values.json) {
    println(
      io.stdout,
      JSON.stringify({ ...uploadJson(file, result, elapsedMs), ...counts }),
    );
    return 0;
  }
  println(io.stdout, result.id);
  if (!values.quiet) {
    const kind = [result.mediaType, result.mediaCategory]
      .filter(Boolean)
      .join(", ");
    println(
      io.stderr,
      `Uploaded ${file === "-" ? "stdin" : basename(file)} (${formatBytes(result.size)}, ${kind}) in ${formatDuration(elapsedMs)}: media id ${result.id}`,
    );
  }
  return 0;
}

/** Whether a failed upload left a saved session to continue: stopped (Ctrl+C) after INIT, with a working store. */
export function resumable(
  resume: CliResume | undefined,
  error: unknown,
  io: CliIo,
): boolean {
  return (
    resume !== undefined &&
    !resume.saveFailed &&
    io.signal.aborted &&
    isAbortError(error) &&
    error.mediaId !== undefined
  );
}

/** The `--json` result of an upload. */
export function uploadJson(
  file: string,
  result: UploadResult,
  elapsedMs: number,
): Record<string, unknown> {
  return {
    ok: true,
    file,
    mediaId: result.id,
    mediaKey: result.mediaKey,
    size: result.size,
    mediaType: result.mediaType,
    mediaCategory: result.mediaCategory,
    expiresAt: result.expiresAt?.toISOString(),
    processingState: result.processing?.state,
    warnings: result.warnings.map((w) => ({
      rule: w.rule,
      severity: w.severity,
      message: w.message,
    })),
    resumed: result.resumed,
    elapsedMs,
  };
}

function stdinInput(io: CliIo): NonNullable<CliIo["stdin"]> {
  if (!io.stdin || io.stdin.isTTY) {
    throw new UsageError(
      "`upload -` reads the media from a pipe, e.g. `ffmpeg … -f mp4 - | x-media-upload upload -`; stdin is not one.",
      "upload",
    );
  }
  return io.stdin;
}

/** Throws InvalidInputError (exit 3) when `file` is missing, unreadable or not a regular file. */
export async function checkReadableFile(file: string): Promise<void> {
  const info = await stat(file).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new InvalidInputError(
      code === "ENOENT"
        ? `File not found: ${file}. Check the path (relative paths start from the current directory).`
        : `Cannot read ${file} (${String(code)}).`,
      { cause: error },
    );
  });
  if (!info.isFile())
    throw new InvalidInputError(
      `Not a file: ${file}. Give the path of a photo, GIF or video.`,
    );
}
