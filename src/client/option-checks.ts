// Small validators behind resolveUploadOptions: each throws a TypeError that names the option and the value.

/** Describes a bad value for a message: strings quoted, numbers as is, other types by name. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

/** An integer from `min` to `max`. */
export function checkInteger(
  name: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be an integer from ${min} to ${max}, got ${show(value)}.`,
    );
  }
  return value;
}

/** A boolean, or undefined. */
export function checkBoolean(
  name: string,
  value: unknown,
): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") {
    throw new TypeError(
      `Expected \`${name}\` to be a boolean, got ${show(value)}.`,
    );
  }
  return value;
}

/** A non-empty string of at most `max` characters, or undefined. */
export function checkString(
  name: string,
  value: unknown,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== "string" ||
    value.length === 0 ||
    [...value].length > max
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be a string of 1 to ${max} characters, got ${typeof value === "string" ? `${[...value].length} characters` : show(value)}.`,
    );
  }
  return value;
}

/** A function, or undefined. */
export function checkFunction<T>(
  name: string,
  value: T | undefined,
): T | undefined {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(
      `Expected \`${name}\` to be a function, got ${show(value)}.`,
    );
  }
  return value;
}

/** An AbortSignal, or undefined. */
export function checkSignal(
  name: string,
  value: unknown,
): AbortSignal | undefined {
  if (value !== undefined && !(value instanceof AbortSignal)) {
    throw new TypeError(
      `Expected \`${name}\` to be an AbortSignal, got ${show(value)}.`,
    );
  }
  return value;
}

/** An array of numeric user id strings, or undefined. */
export function checkUserIds(
  name: string,
  value: unknown,
): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length > 100 ||
    !value.every((id) => typeof id === "string" && /^\d{1,19}$/.test(id))
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be an array of at most 100 numeric user id strings, got ${show(value)}.`,
    );
  }
  return [...value] as string[];
}

/** Rejects keys that are not options (a misspelt option would otherwise be ignored silently). */
export function checkKnownKeys(
  name: string,
  value: unknown,
  known: readonly string[],
): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(
      `Expected \`${name}\` to be an object, got ${show(value)}.`,
    );
  }
  for (const key of Object.keys(value)) {
    if (
      !known.includes(key) &&
      (value as Record<string, unknown>)[key] !== undefined
    ) {
      throw new TypeError(
        `Unknown option \`${key}\` in \`${name}\`; expected one of ${known.map((k) => `\`${k}\``).join(", ")}.`,
      );
    }
  }
}
