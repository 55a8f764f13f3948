// issue() and collector(): the one-sentence message (verb by severity, capitalised property, context, page, fix)
// and the collector's default page.
import { describe, expect, test } from "@jest/globals";
import {
  collector,
  issue,
  type PreflightIssue,
} from "../../../src/media/preflight/issue.js";
import { BEST_PRACTICES } from "./build.js";

const fields = {
  rule: "video.frameRate",
  property: "the frame rate",
  value: "61 fps",
  limit: "at most 60 fps",
  fix: "re-encode at 30 fps",
  source: "page A",
};

describe("issue", () => {
  test("an error: X 'allows' the limit; every field kept, message appended", () => {
    expect(issue({ ...fields, severity: "error" }, "for tweet_video")).toEqual({
      ...fields,
      severity: "error",
      message:
        "The frame rate is 61 fps; X allows at most 60 fps for tweet_video (page A). Fix: re-encode at 30 fps.",
    });
  });

  test("a warning: X 'documents' the limit", () => {
    expect(
      issue({ ...fields, severity: "warning" }, "for dm_video").message,
    ).toBe(
      "The frame rate is 61 fps; X documents at most 60 fps for dm_video (page A). Fix: re-encode at 30 fps.",
    );
  });

  test("only the first letter of the property is capitalised", () => {
    expect(
      issue({ ...fields, severity: "error", property: "the GIF's size" }, "ctx")
        .message,
    ).toMatch(/^The GIF's size is 61 fps; /);
    expect(
      issue({ ...fields, severity: "error", property: "x" }, "ctx").message,
    ).toMatch(/^X is 61 fps; /);
  });
});

describe("collector", () => {
  test("appends one issue per call, with the bound context and X's best-practices page by default", () => {
    const found: PreflightIssue[] = [];
    const add = collector(found, "for tweet_video on a standard account");
    add("a.rule", "error", "the thing", "big", "small", "shrink it");
    add("b.rule", "warning", "the other", "odd", "even", "fix it", "page B");
    expect(found).toEqual([
      {
        rule: "a.rule",
        severity: "error",
        property: "the thing",
        value: "big",
        limit: "small",
        fix: "shrink it",
        source: BEST_PRACTICES,
        message: `The thing is big; X allows small for tweet_video on a standard account (${BEST_PRACTICES}). Fix: shrink it.`,
      },
      {
        rule: "b.rule",
        severity: "warning",
        property: "the other",
        value: "odd",
        limit: "even",
        fix: "fix it",
        source: "page B",
        message:
          "The other is odd; X documents even for tweet_video on a standard account (page B). Fix: fix it.",
      },
    ]);
  });
});
