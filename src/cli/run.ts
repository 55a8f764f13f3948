// Dispatches a command line to its command and turns any error into a message (or JSON) and an exit code.
import { demoCommand } from "./commands/demo.js";
import { inspectCommand } from "./commands/inspect.js";
import { serveFakeCommand } from "./commands/serve-fake.js";
import { sessionsCommand } from "./commands/sessions.js";
import { statusCommand } from "./commands/status.js";
import { uploadCommand } from "./commands/upload.js";
import { EXIT_CODES, errorJson, exitCodeFor } from "./exit-codes.js";
import { HELP } from "./help.js";
import { println, type CliIo } from "./io.js";
import { packageInfo } from "../package-root.js";
import { UsageError } from "./usage-error.js";
import { cliMessage, closest } from "./wording.js";

/** A command: parses its own flags, writes its output, resolves to an exit code. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  upload: uploadCommand,
  status: statusCommand,
  "serve-fake": serveFakeCommand,
  demo: demoCommand,
  inspect: inspectCommand,
  sessions: sessionsCommand,
};

/** Runs the CLI for `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = wantsJson(argv);
  try {
    if (name === undefined) throw new UsageError("Missing command.");
    if (name === "-h" || name === "--help" || name === "help") {
      const topic =
        name === "help" && rest[0] && HELP[rest[0]] ? rest[0] : "main";
      println(io.stdout, HELP[topic]);
      return EXIT_CODES.ok;
    }
    if (name === "-v" || name === "--version") {
      println(io.stdout, packageInfo().version);
      return EXIT_CODES.ok;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      const guess = closest(name, Object.keys(COMMANDS));
      throw new UsageError(
        `Unknown command ${JSON.stringify(name)}.${guess === undefined ? "" : ` Did you mean \`${guess}\`?`} Commands: ${Object.keys(COMMANDS).join(", ")}.`,
      );
    }
    return await command(rest, io);
  } catch (error) {
    const code = exitCodeFor(error);
    const message = cliMessage(error);
    if (json) {
      const out = errorJson(error);
      println(
        io.stdout,
        JSON.stringify({ ...out, error: { ...out.error, message } }),
      );
    } else {
      println(io.stderr, `x-media-upload: ${message}`);
      if (code === EXIT_CODES.usage) {
        // A bad value of a known command points to that command's help.
        const topic =
          (error instanceof UsageError ? error.command : undefined) ??
          (name !== undefined && Object.hasOwn(COMMANDS, name)
            ? name
            : undefined);
        const hint = topic
          ? `x-media-upload ${topic} --help`
          : "x-media-upload --help";
        println(io.stderr, `Run \`${hint}\` for usage.`);
      } else if (
        code === EXIT_CODES.internal &&
        error instanceof Error &&
        error.stack
      ) {
        println(io.stderr, error.stack);
      }
    }
    return code;
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}
