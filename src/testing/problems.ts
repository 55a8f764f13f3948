// X-like error answers.
//
// Which shape, when (X API v2 media endpoints answer both, see docs.x.com "Error troubleshooting"):
// - application/problem+json `{type, title, detail, status}` (RFC 7807, the spec's `Problem`) for what v2 itself
//   decides: invalid requests (400, `invalid-request` with `errors[{message, parameters}]`), unknown media (404,
//   `resource-not-found`), 401/403/413/429 (`about:blank`, as X answers "Unauthorized"/"Too Many Requests").
// - legacy application/json `{errors:[{message, code}]}` where X's edge answers in v1.1 style: unknown routes
//   (34 "Sorry, that page does not exist"), 500 (131 "Internal error"), 503 (130 "Over capacity").
// - 200 with `{errors:[Problem]}` and no `data` (a fault): the spec's `errors` array of a 200 body.
import type { Answer } from "./answer.js";

const PROBLEMS = "https://api.twitter.com/2/problems";
const PROBLEM_JSON = "application/problem+json";

/** 400 invalid-request problem naming the parameter(s). */
export function invalidRequest(
  message: string,
  parameters: Record<string, readonly string[]> = {},
): Answer {
  return {
    status: 400,
    contentType: PROBLEM_JSON,
    body: {
      errors: [{ message, parameters }],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: `${PROBLEMS}/invalid-request`,
      status: 400,
    },
  };
}

/** 404 resource-not-found problem for a media id. */
export function mediaNotFound(parameter: string, value: string): Answer {
  return {
    status: 404,
    contentType: PROBLEM_JSON,
    body: {
      value,
      detail: `Could not find media with ${parameter}: [${value}].`,
      title: "Not Found Error",
      resource_type: "media",
      parameter,
      resource_id: value,
      type: `${PROBLEMS}/resource-not-found`,
      status: 404,
    },
  };
}

/** A generic `about:blank` problem (401, 403, 413, 429 …). */
export function blankProblem(
  status: number,
  title: string,
  detail = title,
): Answer {
  return {
    status,
    contentType: PROBLEM_JSON,
    body: { title, detail, type: "about:blank", status },
  };
}

/** Legacy `{errors:[{message, code}]}` body. */
export function legacyError(
  status: number,
  code: number,
  message: string,
): Answer {
  return { status, body: { errors: [{ message, code }] } };
}

/** X's answer for a path it does not serve. */
export function unknownRoute(): Answer {
  return legacyError(404, 34, "Sorry, that page does not exist");
}

/** The answer X gives for an HTTP error status (used by `status` faults). */
export function statusAnswer(status: number): Answer {
  if (status === 500) return legacyError(500, 131, "Internal error");
  if (status === 503) return legacyError(503, 130, "Over capacity");
  if (status === 429) return blankProblem(429, "Too Many Requests");
  if (status === 401) return blankProblem(401, "Unauthorized");
  if (status === 400) return invalidRequest("Injected fault: invalid request");
  return blankProblem(status, STATUS_TITLES[status] ?? `HTTP ${status}`);
}

/** An nginx-style HTML 502 page, as X's edge sends when a backend is down. */
export function html502(): Answer {
  return {
    status: 502,
    contentType: "text/html",
    body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  };
}

/** 200 carrying `errors[]` and no `data`. */
export function errors200(): Answer {
  return {
    status: 200,
    body: {
      errors: [
        {
          title: "Service Unavailable",
          detail: "Injected fault: the request was not completed; try again.",
          type: "about:blank",
          status: 503,
        },
      ],
    },
  };
}

const STATUS_TITLES: Record<number, string> = {
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  502: "Bad Gateway",
  504: "Gateway Timeout",
};
