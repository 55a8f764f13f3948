// Request checks shared by handlers; each failure throws a Rejection carrying X's answer.
import type { Answer } from "./answer.js";
import type { RequestContext } from "./context.js";
import { invalidRequest, mediaNotFound } from "./problems.js";
import type { Session } from "./store.js";

/** A request turned away with `answer`. */
export class Rejection extends Error {
  override name = "Rejection" as const;
  /** `note`: extra words for the request log, not sent to the client. */
  constructor(
    readonly answer: Answer,
    readonly note?: string,
  ) {
    super(`rejected with ${answer.status}`);
  }
}

/** Throws a 400 invalid-request naming `parameter` and its value. */
export function invalid(
  message: string,
  parameter?: string,
  value?: unknown,
): never {
  const parameters =
    parameter === undefined ? {} : { [parameter]: [printable(value)] };
  throw new Rejection(invalidRequest(message, parameters));
}

/** X's MediaId pattern. */
export const MEDIA_ID = /^[0-9]{1,19}$/;

/** Largest JSON body accepted by operations without media. */
export const JSON_LIMIT = 1024 * 1024;

/** Reads the body as a JSON object (Content-Type application/json). */
export async function readJsonObject(
  ctx: RequestContext,
  limit = JSON_LIMIT,
): Promise<Record<string, unknown>> {
  if (!isJson(ctx.req.headers["content-type"])) {
    await ctx.body.drain();
    invalid(
      `Expected Content-Type application/json, got ${ctx.req.headers["content-type"] ?? "none"}`,
      "Content-Type",
      ctx.req.headers["content-type"],
    );
  }
  const text = (await ctx.body.readAll(limit)).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    invalid("Request body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    invalid("Request body must be a JSON object");
  return value as Record<string, unknown>;
}

/** Whether a content type is JSON. */
export function isJson(contentType: string | undefined): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? "");
}

/** Finds a live session by id or throws X's answer: 400 bad id, 404 unknown, 400 expired. */
export async function liveSession(
  ctx: RequestContext,
  id: unknown,
  parameter: string,
): Promise<Session> {
  if (typeof id !== "string" || !MEDIA_ID.test(id)) {
    invalid(
      `The \`${parameter}\` parameter value [${printable(id)}] does not match ^[0-9]{1,19}$`,
      parameter,
      id,
    );
  }
  const session = ctx.state.store.sessions.get(id);
  if (!session) throw new Rejection(mediaNotFound(parameter, id));
  ctx.record.mediaId = id;
  if (Date.now() >= session.expiresAt) {
    await ctx.state.store.purge(session);
    invalid(
      `Media id ${id} expired at ${new Date(session.expiresAt).toISOString()} (expires_after_secs elapsed); start a new upload with INITIALIZE.`,
      parameter,
      id,
    );
  }
  return session;
}

/** Rejects properties other than `allowed` (the spec's additionalProperties: false). */
export function onlyKnown(
  body: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(body))
    if (!allowed.includes(key))
      invalid(`Unknown property \`${key}\``, key, body[key]);
}

/** Checks `value` is one of `allowed`. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  parameter: string,
): T {
  if (
    typeof value !== "string" ||
    !(allowed as readonly string[]).includes(value)
  ) {
    invalid(
      `The \`${parameter}\` value [${printable(value)}] is not one of [${allowed.join(", ")}]`,
      parameter,
      value,
    );
  }
  return value as T;
}

/** Checks an optional boolean. */
export function optionalBoolean(
  value: unknown,
  parameter: string,
): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  return invalid(
    `The \`${parameter}\` value must be a boolean`,
    parameter,
    value,
  );
}

/** Checks an optional array of user ids. */
export function userIds(value: unknown, parameter: string): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === "string" && MEDIA_ID.test(v))
  ) {
    invalid(
      `The \`${parameter}\` value must be an array of user ids matching ^[0-9]{1,19}$`,
      parameter,
      value,
    );
  }
  return value as string[];
}

function printable(value: unknown): string {
  const text =
    typeof value === "string"
      ? value
      : (JSON.stringify(value) ?? String(value));
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
