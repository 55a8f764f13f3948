// `x-media-upload demo`: the bundled samples through the whole pipeline against the embedded fake X server.
import { stat } from "node:fs/promises";
import { createMediaClient } from "../../index.js";
import {
  startFakeXServer,
  type FakeXServerOptions,
} from "../../testing/index.js";
import { formatBytes, formatDuration, formatTable } from "../format.js";
import { HELP } from "../help.js";
import { println, type CliIo } from "../io.js";
import { fixturePath } from "../package-root.js";
import { parseCommand, type FlagSpec } from "../parse.js";
import {
  createReporter,
  progressMode,
  uploadWithReporter,
} from "../reporter.js";

const FLAGS: FlagSpec = {
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

/** The bundled samples, uploaded in this order. */
export const DEMO_SAMPLES = ["sample.png", "sample.gif", "sample.mp4"] as const;

/** One demo upload's outcome. */
export interface DemoUpload {
  file: string;
  mediaId: string;
  mediaType: string;
  mediaCategory: string;
  size: number;
  elapsedMs: number;
}

/** Fake server settings: on a terminal, slow enough for the bar to be seen; always one lost APPEND to show a retry. */
export function demoServerOptions(visible: boolean): FakeXServerOptions {
  return {
    processing: {
      pendingMs: visible ? 200 : 100,
      inProgressMs: visible ? 1600 : 300,
      checkAfterSecs: 1,
    },
    faults: [
      {
        operation: "appendMediaUpload",
        segmentIndex: 2,
        attempt: 1,
        fault: { kind: "status", status: 503 },
      },
    ],
    ...(visible
      ? {
          randomFaults: {
            seed: 1,
            faults: [
              { rate: 1, fault: { kind: "latency", ms: 60 } },
              { rate: 1, fault: { kind: "bandwidth", bytesPerSecond: 4096 } },
            ],
          },
        }
      : {}),
  };
}

/** Runs the demo; resolves 0 when every sample uploaded. */
export async function demoCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseCommand("demo", argv, FLAGS, {
    min: 0,
    max: 0,
    names: "",
  });
  if (values.help) {
    println(io.stdout, HELP.demo);
    return 0;
  }
  const mode = progressMode(io.stderr, {
    quiet: values.quiet === true,
    json: values.json === true,
  });
  const say = (line: string) => {
    if (mode !== "none") println(io.stderr, line);
  };
  const now = io.now ?? (() => performance.now());
  const server = await startFakeXServer(demoServerOptions(mode === "bar"));
  const startedAt = now();
  const uploads: DemoUpload[] = [];
  try {
    say(
      `Embedded fake X API at ${server.url} (loopback only: no account, no network).`,
    );
    say(
      "Each sample: INITIALIZE, APPENDs of 1 KiB, 2 at a time, FINALIZE, then STATUS until processed.",
    );
    say("");
    const client = createMediaClient({
      auth: { type: "oauth2", accessToken: "demo-token" },
      baseUrl: server.url,
      segmentBytes: 1024,
      concurrency: 2,
      retry: { minDelayMs: 50, maxDelayMs: 200 },
    });
    for (const name of DEMO_SAMPLES) {
      const file = fixturePath(name);
      const reporter = createReporter({
        stream: io.stderr,
        mode,
        label: name,
        now,
      });
      const t0 = now();
      const result = await uploadWithReporter(
        client,
        file,
        { signal: io.signal },
        reporter,
      );
      uploads.push({
        file: name,
        mediaId: result.id,
        mediaType: result.mediaType,
        mediaCategory: result.mediaCategory ?? "",
        size: (await stat(file)).size,
        elapsedMs: Math.round(now() - t0),
      });
    }
  } finally {
    await server.close();
  }
  const requests = server.requests;
  const retried = requests.filter((r) =>
    r.faults.some((f) => f.kind === "status"),
  ).length;
  const elapsedMs = Math.round(now() - startedAt);
  if (values.json) {
    println(
      io.stdout,
      JSON.stringify({
        ok: true,
        uploads,
        requests: requests.length,
        retried,
        elapsedMs,
      }),
    );
    return 0;
  }
  printSummary(io, uploads, { requests: requests.length, retried, elapsedMs });
  return 0;
}

function printSummary(
  io: CliIo,
  uploads: readonly DemoUpload[],
  totals: { requests: number; retried: number; elapsedMs: number },
): void {
  const rows = [
    ["file", "type", "category", "size", "media id", "time"],
    ...uploads.map((u) => [
      u.file,
      u.mediaType,
      u.mediaCategory,
      formatBytes(u.size),
      u.mediaId,
      formatDuration(u.elapsedMs),
    ]),
  ];
  println(io.stdout, "");
  for (const line of formatTable(rows)) println(io.stdout, line);
  const bytes = uploads.reduce((sum, u) => sum + u.size, 0);
  println(io.stdout, "");
  println(
    io.stdout,
    `${uploads.length} uploads, ${formatBytes(bytes)}, ${totals.requests} requests in ${formatDuration(totals.elapsedMs)}; ` +
      `${totals.retried} answered 503 by an injected fault and retried.`,
  );
  println(
    io.stdout,
    "Next: `x-media-upload serve-fake` runs this fake server standalone for your own code;",
  );
  println(
    io.stdout,
    "      `x-media-upload upload <file>` uploads to X with X_OAUTH2_TOKEN set.",
  );
}
