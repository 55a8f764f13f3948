// `x-media-upload sessions [--clear]`: the saved upload sessions (file, media id, progress, expiry), or removes them.
import type { SavedSession } from "../../index.js";
import { formatBytes, formatDuration } from "../format.js";
import { HELP } from "../help.js";
import { println, type CliIo } from "../io.js";
import { parseCommand, type FlagSpec } from "../parse.js";
import { cliSessionStore } from "../resume.js";

const FLAGS: FlagSpec = {
  clear: { type: "boolean" },
  json: { type: "boolean" },
};

/** Runs sessions; resolves 0. */
export async function sessionsCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseCommand("sessions", argv, FLAGS, {
    min: 0,
    max: 0,
    names: "no arguments",
  });
  if (values.help) {
    println(io.stdout, HELP.sessions);
    return 0;
  }
  const store = cliSessionStore(io.env);
  const saved = await store.list();
  const nowMs = Date.now();
  if (values.clear) {
    for (const s of saved) await store.delete(s.key);
    if (values.json)
      println(io.stdout, JSON.stringify({ ok: true, removed: saved.length }));
    else
      println(
        io.stderr,
        `Removed ${saved.length} saved session${saved.length === 1 ? "" : "s"} from ${store.dir}.`,
      );
    return 0;
  }
  if (values.json) {
    println(
      io.stdout,
      JSON.stringify({
        ok: true,
        dir: store.dir,
        sessions: saved.map((s) => sessionJson(s)),
      }),
    );
    return 0;
  }
  if (saved.length === 0) {
    println(io.stderr, `No saved sessions in ${store.dir}.`);
    return 0;
  }
  for (const s of saved) println(io.stdout, describe(s, nowMs));
  println(
    io.stderr,
    `${saved.length} saved session${saved.length === 1 ? "" : "s"} in ${store.dir}; re-run the upload to continue one, \`x-media-upload sessions --clear\` to remove them.`,
  );
  return 0;
}

function sent(s: SavedSession): { segments: number; bytes: number } {
  const { session } = s;
  if (session.phase !== "appending")
    return { segments: session.segmentCount, bytes: session.size };
  const bytes = session.acked.reduce(
    (n, i) =>
      n +
      Math.min(session.segmentBytes, session.size - i * session.segmentBytes),
    0,
  );
  return { segments: session.acked.length, bytes };
}

/** `/videos/big.mp4  media 188…  12/50 segments (48 MiB of 200 MiB)  expires in 23 h` */
function describe(s: SavedSession, nowMs: number): string {
  const { session } = s;
  const done = sent(s);
  const progress =
    session.phase === "appending"
      ? `${done.segments}/${session.segmentCount} segments (${formatBytes(done.bytes)} of ${formatBytes(session.size)})`
      : `finalized (${formatBytes(session.size)}), processing not confirmed`;
  const expiry =
    session.expiresAt === undefined
      ? "expiry unknown"
      : session.expiresAt <= nowMs
        ? "expired"
        : `expires in ${formatDuration(session.expiresAt - nowMs)}`;
  return `${s.source}  media ${session.mediaId ?? "?"}  ${progress}  ${expiry}`;
}

function sessionJson(s: SavedSession): Record<string, unknown> {
  const done = sent(s);
  return {
    source: s.source,
    mediaId: s.session.mediaId,
    phase: s.session.phase,
    segmentsSent: done.segments,
    segments: s.session.segmentCount,
    bytesSent: done.bytes,
    size: s.session.size,
    expiresAt:
      s.session.expiresAt === undefined
        ? undefined
        : new Date(s.session.expiresAt).toISOString(),
    savedAt: new Date(s.savedAt).toISOString(),
  };
}
