// The one place that turns openapi-fetch's `{ data, error, response }` into a value or a throw.
import type { operations } from "../../generated/openapi.js";
import type { RequestTarget } from "../errors/index.js";
import { apiErrorFrom } from "./api-error.js";

/** The JSON body of operation `K`'s 200 answer, typed from the spec. */
export type SuccessBody<K extends keyof operations> =
  operations[K]["responses"][200]["content"]["application/json"];

/** What `client.GET/POST(..., { parseAs: "text" })` resolves to. */
export interface TextOutcome {
  data?: string | undefined;
  error?: unknown;
  response: Response;
}

/** A 2xx answer: the parsed body (undefined when empty, e.g. 204), the response and the request it answers. */
export interface Answer<K extends keyof operations> {
  data: SuccessBody<K> | undefined;
  response: Response;
  target: RequestTarget;
}

/**
 * Returns the parsed 2xx body of `outcome`, or throws XApiError for a non-2xx status,
 * a 2xx carrying `errors[]`, or a 2xx body that is not JSON (a proxy's HTML page).
 */
export function unwrap<K extends keyof operations>(
  target: RequestTarget,
  outcome: TextOutcome,
  secrets: readonly string[] = [],
): Answer<K> {
  const { response } = outcome;
  if (!response.ok) {
    throw apiErrorFrom(target, response, outcome.error, secrets);
  }
  const text = outcome.data ?? "";
  if (text.trim() === "") return { data: undefined, response, target };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw apiErrorFrom(target, response, text, secrets);
  }
  // A 2xx carrying errors[] is a failure, even beside data; a media id in data stays on the error.
  if (hasErrors(body)) {
    const mediaId = target.mediaId ?? dataId(body);
    throw apiErrorFrom({ ...target, mediaId }, response, body, secrets);
  }
  const data =
    typeof body === "object" && body !== null
      ? (body as SuccessBody<K>)
      : undefined;
  return { data, response, target };
}

function hasErrors(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0;
}

function dataId(body: unknown): string | undefined {
  const id = (body as { data?: { id?: unknown } | null }).data?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}
