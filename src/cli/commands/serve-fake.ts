// `x-media-upload serve-fake`: the fake X media API, standalone, until SIGINT/SIGTERM.
import {
  startFakeXServer,
  type FakeXServerOptions,
  type RandomFault,
} from "../../testing/index.js";
import { HELP } from "../help.js";
import { UsageError } from "../usage-error.js";
import { println, type CliIo } from "../io.js";
import { ACCOUNT_TIERS } from "../../media/category.js";
import {
  choiceFlag,
  integerFlag,
  numberFlag,
  parseCommand,
  type FlagSpec,
  type Parsed,
} from "../parse.js";

const FLAGS: FlagSpec = {
  port: { type: "string" },
  host: { type: "string" },
  "latency-ms": { type: "string" },
  "fail-rate": { type: "string" },
  "reset-rate": { type: "string" },
  seed: { type: "string" },
  "processing-ms": { type: "string" },
  "account-tier": { type: "string" },
  log: { type: "boolean" },
  json: { type: "boolean" },
};

/** Maps serve-fake's flags to {@link FakeXServerOptions} (pure). */
export function fakeOptionsFromFlags(
  values: Parsed["values"],
): FakeXServerOptions {
  const options: FakeXServerOptions = {};
  const port = integerFlag("port", values.port, 0, 65535);
  if (port !== undefined) options.port = port;
  if (typeof values.host === "string") options.host = values.host;
  const processingMs = integerFlag(
    "processing-ms",
    values["processing-ms"],
    0,
    3_600_000,
  );
  // A third of the time pending, the rest in_progress with progress_percent rising.
  if (processingMs !== undefined) {
    const pendingMs = Math.round(processingMs / 3);
    options.processing = { pendingMs, inProgressMs: processingMs - pendingMs };
  }
  const faults: RandomFault[] = [];
  const latencyMs = integerFlag("latency-ms", values["latency-ms"], 0, 600_000);
  if (latencyMs)
    faults.push({ rate: 1, fault: { kind: "latency", ms: latencyMs } });
  const failRate = numberFlag("fail-rate", values["fail-rate"], 0, 1);
  if (failRate)
    faults.push({ rate: failRate, fault: { kind: "status", status: 503 } });
  const resetRate = numberFlag("reset-rate", values["reset-rate"], 0, 1);
  if (resetRate) faults.push({ rate: resetRate, fault: { kind: "reset" } });
  const accountTier = choiceFlag(
    "account-tier",
    values["account-tier"],
    ACCOUNT_TIERS,
  );
  if (accountTier) options.accountTier = accountTier;
  const seed = integerFlag("seed", values.seed, 0, 2 ** 31 - 1) ?? 1;
  if (faults.length > 0) options.randomFaults = { seed, faults };
  return options;
}

/** Runs serve-fake; resolves 0 once stopped by the signal. */
export async function serveFakeCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseCommand("serve-fake", argv, FLAGS, {
    min: 0,
    max: 0,
    names: "",
  });
  if (values.help) {
    println(io.stdout, HELP["serve-fake"]);
    return 0;
  }
  const options = fakeOptionsFromFlags(values);
  if (values.log) options.log = (line) => println(io.stderr, line);
  const server = await startFakeXServer(options).catch((error: unknown) => {
    throw listenError(error, options) ?? error;
  });
  if (values.json) {
    println(io.stdout, JSON.stringify({ url: server.url }));
  } else {
    println(io.stdout, `Fake X API listening on ${server.url}`);
    println(io.stdout, "");
    println(io.stdout, "Point the CLI at it:");
    println(
      io.stdout,
      `  X_API_BASE_URL=${server.url} X_OAUTH2_TOKEN=test x-media-upload upload photo.png`,
    );
    println(
      io.stdout,
      "Point any other client at it: use it as the API origin instead of https://api.x.com,",
    );
    println(
      io.stdout,
      `  e.g. curl -H 'Authorization: Bearer test' '${server.url}/2/media/upload?command=STATUS&media_id=1'`,
    );
    println(
      io.stdout,
      "Any bearer token (and any well-formed OAuth 1.0a header) is accepted.",
    );
    println(io.stdout, "Press Ctrl+C to stop.");
  }
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await server.close();
  println(io.stderr, "Fake X API stopped.");
  return 0;
}

// A port that is taken or not ours to bind is a problem with the command line, not a crash.
function listenError(
  error: unknown,
  options: FakeXServerOptions,
): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL") {
    return undefined;
  }
  const where = `${options.host ?? "127.0.0.1"}:${options.port ?? 0}`;
  return new UsageError(
    `Cannot listen on ${where} (${code}): choose another --port (0 picks a free one) or --host.`,
    "serve-fake",
  );
}
