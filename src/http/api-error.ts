// Builds an XApiError (or RateLimitError) from whatever X answered: problem+json, errors[], or an HTML page.
import {
  RateLimitError,
  XApiError,
  isRetryableStatus,
  type ApiErrorDetail,
  type ApiProblem,
  type RequestTarget,
} from "../errors/index.js";
import { bodyExcerpt } from "./excerpt.js";
import { hintFor } from "./hints.js";
import { parseRateLimit } from "./rate-limit.js";
import { redactText } from "./redact.js";

/** The XApiError for a failed `response` whose body (parsed JSON or raw text) is `body`. */
export function apiErrorFrom(
  target: RequestTarget,
  response: Response,
  body: unknown,
  secrets: readonly string[] = [],
): XApiError {
  const clean = (s: string | undefined) =>
    s === undefined ? undefined : redactText(s, secrets);
  const problem = cleanProblem(readProblem(body), clean);
  const errors = readErrors(body).map((e) => ({
    ...cleanProblem(e, clean),
    message: clean(e.message),
    code: e.code,
    status: e.status,
  }));
  const excerpt =
    typeof body === "string" && body.trim() !== ""
      ? clean(bodyExcerpt(body))
      : undefined;
  // Problem details say what kind of failure; errors[] often says which parameter and why.
  const messages = errors
    .map((e) => e.message ?? e.detail ?? e.title)
    .filter(isText);
  const parts = [
    problem?.detail ?? problem?.title,
    ...messages.slice(0, 2),
  ].filter(isText);
  const detail =
    parts.length > 0
      ? [...new Set(parts)].join(" — ")
      : excerpt !== undefined
        ? `body is not JSON: "${excerpt}"`
        : response.statusText || "no details in the body";
  const summary = response.ok
    ? `X reported errors in a ${response.status} answer: ${detail}`
    : detail;
  const init = {
    target,
    status: response.status,
    summary,
    hint: hintFor(response.status, target.operation, `${parts.join(" ")}`),
    problem,
    errors,
    rateLimit: parseRateLimit(response.headers),
    excerpt,
    // A 2xx that is not JSON (a proxy glitch), or whose errors[] carry a 5xx/429, is worth another attempt.
    retryable: response.ok
      ? excerpt !== undefined ||
        errors.some(
          (e) => e.status !== undefined && isRetryableStatus(e.status),
        )
      : undefined,
  };
  return response.status === 429
    ? new RateLimitError(init)
    : new XApiError(init);
}

/** The XApiError for a 2xx whose body lacks what the spec promises (e.g. `data.id`). */
export function malformedAnswer(
  target: RequestTarget,
  response: Response,
  missing: string,
): XApiError {
  return new XApiError({
    target,
    status: response.status,
    summary: `X answered ${target.operation} without ${missing}`,
    hint: "The response does not match X's API spec; retry later, and report it if it persists.",
    rateLimit: parseRateLimit(response.headers),
  });
}

function readProblem(body: unknown): ApiProblem | undefined {
  if (!isRecord(body)) return undefined;
  const { type, title, detail } = body;
  if (typeof title !== "string" && typeof detail !== "string") return undefined;
  return { type: str(type), title: str(title), detail: str(detail) };
}

function readErrors(body: unknown): ApiErrorDetail[] {
  if (!isRecord(body)) return [];
  const list = Array.isArray(body.errors)
    ? body.errors
    : typeof body.message === "string"
      ? [body]
      : [];
  return list.filter(isRecord).map((e) => ({
    type: str(e.type),
    title: str(e.title),
    detail: str(e.detail),
    message: str(e.message),
    code: typeof e.code === "number" ? e.code : undefined,
    status: typeof e.status === "number" ? e.status : undefined,
  }));
}

function cleanProblem<T extends ApiProblem>(
  p: T | undefined,
  clean: (s: string | undefined) => string | undefined,
): ApiProblem | undefined {
  if (p === undefined) return undefined;
  return { type: p.type, title: clean(p.title), detail: clean(p.detail) };
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
