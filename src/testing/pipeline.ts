// One request's way through the fake: route, auth, rate limit, faults, handler, answer, log.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { writeAnswer, type Answer } from "./answer.js";
import type { Authenticator } from "./auth.js";
import { BodyTooLarge, ConnectionResetByFault, RequestBody } from "./body.js";
import type {
  Handler,
  MutableRecord,
  RequestContext,
  ServerState,
} from "./context.js";
import { planFaults, skipsApply, type FaultPlan } from "./fault-plan.js";
import type { FaultBook } from "./faults.js";
import { blankProblem, legacyError, unknownRoute } from "./problems.js";
import { rateLimitHeaders, type RateLimiter } from "./rate-limit.js";
import type { RequestLog } from "./request-log.js";
import { matchRoute } from "./routes.js";
import type { FakeOperation } from "./types.js";
import { Rejection } from "./validation.js";

/** What the pipeline works with. */
export interface PipelineDeps {
  state: ServerState;
  auth: Authenticator;
  limiter: RateLimiter;
  faults: FaultBook;
  log: RequestLog;
  handlers: Readonly<Record<FakeOperation, Handler>>;
  /** Aborted by close(): ends sleeps and throttles. */
  signal: AbortSignal;
}

/** Returns the request listener of a fake server. */
export function createPipeline(
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const record = deps.log.start(req);
    const body = new RequestBody(req, deps.signal);
    const finish = (outcome: MutableRecord["outcome"], status?: number) =>
      deps.log.finish(record, outcome, body.bytesRead, status);
    let headers: Record<string, string> = {};
    let plan: FaultPlan | undefined;
    let answer: Answer | undefined;
    let caller: { user: string; operation: FakeOperation } | undefined;
    try {
      const url = new URL(req.url ?? "/", "http://fake.invalid");
      const route = matchRoute(req.method ?? "GET", url.pathname);
      if (!route) throw new Rejection(unknownRoute(), "no such route");
      deps.log.routed(record, route.operation);
      const who = deps.auth.check(req);
      record.auth = who.scheme;
      if (!who.ok) throw new Rejection(who.answer, who.reason);
      const limit = deps.limiter.take(who.user, route.operation);
      caller = { user: who.user, operation: route.operation };
      if (limit.insideAnnouncedWindow) deps.log.insideRateLimitWindow(record);
      headers = rateLimitHeaders(limit);
      if (limit.exceeded)
        throw new Rejection(
          blankProblem(429, "Too Many Requests"),
          "rate limit exhausted",
        );
      const ctx: RequestContext = {
        req,
        url,
        operation: route.operation,
        pathId: route.pathId,
        body,
        state: deps.state,
        record,
        plan: undefined,
        decideFaults(segmentIndex) {
          const mediaId =
            record.mediaId ??
            route.pathId ??
            url.searchParams.get("media_id") ??
            undefined;
          const ordinal =
            mediaId === undefined
              ? 0
              : (deps.state.store.sessions.get(mediaId)?.ordinal ?? 0);
          const faults = deps.faults.decide({
            operation: route.operation,
            mediaId,
            segmentIndex,
            uploadOrdinal: ordinal,
          });
          plan = planFaults(faults);
          record.faults = faults;
          body.resetAfter = plan.resetAfter;
          if (plan.bytesPerSecond !== undefined)
            body.throttle(plan.bytesPerSecond);
          ctx.plan = plan;
          return plan;
        },
      };
      if (route.operation !== "appendMediaUpload") ctx.decideFaults(undefined);
      if (skipsApply(plan)) {
        await body.drain();
        if (plan?.resetAfter !== undefined) body.resetIfDue(true);
      } else {
        answer = await deps.handlers[route.operation](ctx);
        if (answer && plan?.replaceAfter) answer = plan.replaceAfter(answer);
      }
      answer ??= plan?.replaceBefore;
    } catch (error) {
      if (error instanceof ConnectionResetByFault) return finish("reset");
      if (error instanceof Rejection || error instanceof BodyTooLarge) {
        const rest = await drain(body);
        if (rest !== "drained") return finish(rest);
        answer =
          error instanceof Rejection
            ? error.answer
            : blankProblem(413, "Payload Too Large");
        record.detail ??=
          error instanceof Rejection
            ? (error.note ?? problemMessage(error.answer))
            : error.message;
      } else if (
        deps.signal.aborted ||
        res.destroyed ||
        // A fully read request is destroyed too (autoDestroy): only one cut short means the client left.
        (req.destroyed && !req.complete)
      ) {
        return finish("aborted");
      } else {
        record.detail = `fake server bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        answer = legacyError(500, 131, "Internal error");
      }
    }
    if (plan?.stall) return finish("stalled");
    if (plan && plan.latencyMs > 0) {
      try {
        await sleep(plan.latencyMs, undefined, { signal: deps.signal });
      } catch {
        return finish("aborted");
      }
    }
    if (!answer || res.destroyed) return finish("aborted");
    writeAnswer(res, answer, headers);
    if (caller) {
      const sent = { ...headers, ...answer.headers };
      deps.limiter.announce(caller.user, caller.operation, answer.status, sent);
    }
    finish("answered", answer.status);
  };
}

// Reads what is left of a rejected request so the client gets its answer, not a broken pipe.
async function drain(
  body: RequestBody,
): Promise<"drained" | "reset" | "aborted"> {
  try {
    await body.drain();
    return "drained";
  } catch (error) {
    return error instanceof ConnectionResetByFault ? "reset" : "aborted";
  }
}

function problemMessage(answer: Answer): string | undefined {
  const body = answer.body as
    { errors?: { message?: string }[]; detail?: string } | undefined;
  return body?.errors?.[0]?.message ?? body?.detail;
}
