// Runs the CLI in-process (run()) or as a child process (node --import tsx src/cli/main.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.js";
import type { CliIo, OutStream } from "../../src/cli/io.js";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** A bundled fixture's absolute path. */
export const fixture = (name: string): string => `${ROOT}fixtures/${name}`;

/**
 * The cache directory CLI runs get (XDG_CACHE_HOME): saved upload sessions go to a temp dir of this test file,
 * never to the user's ~/.cache. A test may give its own.
 */
export const CACHE_HOME = mkdtempSync(join(tmpdir(), "xmu-cli-cache-"));

/** A stream that records what was written. */
export function memoryStream(
  tty = false,
  columns = 100,
): OutStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    write: (chunk: string) => chunks.push(chunk),
    isTTY: tty,
    columns,
    text: () => chunks.join(""),
  };
}

/** Runs the CLI in-process with recorded streams. */
export async function runInProcess(
  argv: string[],
  options: {
    env?: Record<string, string>;
    tty?: boolean;
    signal?: AbortSignal;
    stdin?: CliIo["stdin"];
  } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = memoryStream();
  const stderr = memoryStream(options.tty ?? false);
  const io: CliIo = {
    stdout,
    stderr,
    env: { XDG_CACHE_HOME: CACHE_HOME, ...options.env },
    signal: options.signal ?? new AbortController().signal,
    ...(options.stdin ? { stdin: options.stdin } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Spawns the CLI from source under tsx, with only the given env (plus PATH). */
export function spawnCli(
  argv: string[],
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", ...argv],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", XDG_CACHE_HOME: CACHE_HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

/** Spawns the CLI and collects its exit code and output. */
export function runCli(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}> {
  const child = spawnCli(argv, env);
  return collect(child);
}

/** Collects a spawned child's output until it exits. */
export function collect(child: ChildProcess): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr }),
    );
  });
}

/** Resolves with the first chunk of `stream` output matching `pattern`. */
export function waitForOutput(
  child: ChildProcess,
  which: "stdout" | "stderr",
  pattern: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const stream = child[which];
    const onData = (d: Buffer | string) => {
      seen += d.toString();
      const match = pattern.exec(seen);
      if (match) {
        stream?.off("data", onData);
        resolve(match);
      }
    };
    stream?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`exited ${code} before ${pattern}; output: ${seen}`)),
    );
  });
}
