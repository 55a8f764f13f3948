// `x-media-upload status <media-id>`: X's processing state of an upload, or a wait until it ends.
import { processingFailed } from "../../engine/processing.js";
import {
  ProcessingError,
  type ProcessingInfo,
  type RetryEvent,
} from "../../index.js";
import { withJsonFields } from "../exit-codes.js";
import { countRetry, describeRetry, type RetryCounts } from "../retry-notes.js";
import { clientFromEnv } from "../credentials.js";
import { HELP } from "../help.js";
import { println, type CliIo } from "../io.js";
import { parseCommand, type FlagSpec } from "../parse.js";
import { UsageError } from "../usage-error.js";

const FLAGS: FlagSpec = {
  wait: { type: "boolean" },
  "base-url": { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

/** One line for people: `succeeded`, `in_progress 40% (next check in 1s)`, `failed: InvalidMedia …`. */
export function describeProcessing(info: ProcessingInfo | undefined): string {
  if (!info) return "no processing (images are ready at once)";
  const percent =
    info.progress_percent === undefined ? "" : ` ${info.progress_percent}%`;
  const next =
    info.check_after_secs === undefined
      ? ""
      : ` (next check in ${info.check_after_secs}s)`;
  const error = info.error
    ? `: ${info.error.name} (code ${info.error.code}): ${info.error.message}`
    : "";
  return `${info.state ?? "unknown"}${percent}${info.state === "succeeded" || info.state === "failed" ? "" : next}${error}`;
}

/** Runs status; resolves 0, throws ProcessingError (exit 6) when processing failed. */
export async function statusCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseCommand("status", argv, FLAGS, {
    min: 1,
    max: 1,
    names: "a <media-id>",
  });
  if (values.help) {
    println(io.stdout, HELP.status);
    return 0;
  }
  const mediaId = positionals[0] ?? "";
  if (!/^\d{1,19}$/.test(mediaId)) {
    throw new UsageError(
      `Expected <media-id> to be X's numeric media id (media_id_string), got ${JSON.stringify(mediaId)}.`,
      "status",
    );
  }
  const client = clientFromEnv(values["base-url"], io.env);
  const say = (line: string) => {
    if (!values.quiet && !values.json) println(io.stderr, line);
  };

  const counts: RetryCounts = { retries: 0, rateLimitWaits: 0 };
  const onRetry = (event: RetryEvent): void => {
    countRetry(counts, event);
    if (!values.quiet) println(io.stderr, describeRetry(event));
  };
  try {
    return await report();
  } catch (error) {
    throw withJsonFields(error, { ...counts });
  }

  async function report(): Promise<number> {
    const first = await client.status(mediaId, { signal: io.signal, onRetry });
    let info = first.data?.processing_info;
    if (
      values.wait &&
      info &&
      info.state !== "succeeded" &&
      !processingFailed(info)
    ) {
      say(
        `Media ${mediaId}: ${describeProcessing(info)}; waiting for processing to end…`,
      );
      let last = describeProcessing(info);
      info = await client.waitForProcessing(mediaId, {
        signal: io.signal,
        onRetry,
        // One line per change of state or percent, so a terminal or a log shows processing move.
        onProcessing: (next) => {
          const line = describeProcessing(next);
          if (line !== last) say(`Media ${mediaId}: ${line}`);
          last = line;
        },
      });
    }
    // A failed job is reported like an upload whose processing failed: ProcessingError, exit 6.
    if (info && processingFailed(info))
      throw new ProcessingError(mediaId, info);
    if (values.json) {
      const expires = first.data?.expires_after_secs;
      println(
        io.stdout,
        JSON.stringify({
          ok: true,
          mediaId,
          processing: info ?? null,
          expiresAfterSecs: expires,
          ...counts,
        }),
      );
    } else {
      println(io.stdout, `${mediaId}: ${describeProcessing(info)}`);
    }
    return 0;
  }
}
