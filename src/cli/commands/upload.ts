// `x-media-upload upload <file>`: one upload with live progress; the media id on stdout.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  InvalidInputError,
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
import { inCliWords } from "../wording.js";

const FLAGS: FlagSpec = {
  type: { type: "string" },
  "force-type": { type: "boolean" },
  category: { type: "string" },
  "alt-text": { type: "string" },
  "account-tier": { type: "string" },
  concurrency: { type: "string" },
  "segment-size": { type: "string" },
  "base-url": { type: "string" },
  "no-wait": { type: "boolean" },
  preflight: { type: "string" },
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
  if (typeof values["alt-text"] === "string")
    options.altText = values["alt-text"];
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
  const { values, positionals } = parseCommand("upload", argv, FLAGS, {
    min: 1,
    max: 1,
    names: "a <file>",
  });
  if (values.help) {
    println(io.stdout, HELP.upload);
    return 0;
  }
  const file = positionals[0] ?? "";
  const options = uploadOptionsFromFlags(values);
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
