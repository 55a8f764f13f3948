// node:util parseArgs with usage errors worded for people, plus validated numeric flag values.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";
import { closest } from "./wording.js";

/** Flag definitions of one command, as node:util parseArgs takes them. */
export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parsed flags by name (`string`/`boolean` as declared) and positionals. */
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` strictly: unknown flags, missing values and extra positionals are {@link UsageError}s. */
export function parseCommand(
  command: string,
  argv: readonly string[],
  flags: FlagSpec,
  positionals: { min: number; max: number; names: string },
): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...flags, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      describeParseError(error, command, Object.keys(flags)),
      command,
    );
  }
  const values = parsed.values as Parsed["values"];
  if (values.help) return { values, positionals: parsed.positionals };
  const count = parsed.positionals.length;
  if (count < positionals.min) {
    throw new UsageError(`\`${command}\` needs ${positionals.names}.`, command);
  }
  if (count > positionals.max) {
    const extra = parsed.positionals.slice(positionals.max).join(" ");
    throw new UsageError(
      `Unexpected argument for \`${command}\`: ${extra}.`,
      command,
    );
  }
  return { values, positionals: parsed.positionals };
}

function describeParseError(
  error: unknown,
  command: string,
  known: readonly string[],
): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const flag = /'(-[^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    const name = flag.split("=")[0] ?? flag;
    const guess = closest(name, [...known, "help"]);
    return `Unknown flag ${name} for \`${command}\`.${guess === undefined ? "" : ` Did you mean --${guess}?`}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    return /argument missing/.test(message)
      ? `Flag ${flag.split(" ")[0]} needs a value.`
      : `Flag ${flag.split(" ")[0]} takes no value.`;
  }
  return message;
}

/** A string flag as an integer in [min, max], or `undefined` when absent. */
export function integerFlag(
  name: string,
  value: string | boolean | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      `Expected --${name} to be an integer from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

/** A string flag as a number in [min, max] (fractions allowed), or `undefined` when absent. */
export function numberFlag(
  name: string,
  value: string | boolean | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const n = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(
      `Expected --${name} to be a number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  kib: 1024,
  mib: 1024 ** 2,
  kb: 1000,
  mb: 1000 ** 2,
};

/** A byte size such as `4194304`, `512KiB` or `4MiB`, or `undefined` when absent. */
export function sizeFlag(
  name: string,
  value: string | boolean | undefined,
): number | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? "?"];
  const bytes = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(
      `Expected --${name} to be a whole number of bytes, optionally with KiB, MiB, KB or MB (e.g. 4MiB), got ${JSON.stringify(value)}.`,
    );
  }
  return bytes;
}

/** A string flag that must be one of `choices`, or `undefined` when absent. */
export function choiceFlag<T extends string>(
  name: string,
  value: string | boolean | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(
      `Expected --${name} to be one of ${choices.join(", ")}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}
