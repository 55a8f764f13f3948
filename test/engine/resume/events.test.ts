// resumeReporter(): a listener hears every event; without one, all but `resumed` become process warnings.
import { afterEach, describe, expect, jest, test } from "@jest/globals";
import {
  resumeReporter,
  type ResumeEvent,
} from "../../../src/engine/resume/events.js";

const resumed: ResumeEvent = {
  type: "resumed",
  source: "/a.mp4",
  mediaId: "1",
  phase: "appending",
  skippedSegments: 1,
  skippedBytes: 10,
  message: "resume: continuing",
};
const discarded: ResumeEvent = {
  type: "discarded",
  source: "/a.mp4",
  mediaId: "1",
  reason: "expired",
  message: "resume: discarded it",
};
const warning: ResumeEvent = {
  type: "warning",
  source: undefined,
  message: "resume: not saved",
};

describe("resumeReporter", () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const spy = () =>
    jest.spyOn(process, "emitWarning").mockImplementation(() => {});

  test("with a listener: every event goes to it, none to process warnings", () => {
    const emit = spy();
    const heard: ResumeEvent[] = [];
    const report = resumeReporter((e) => heard.push(e));
    report(resumed);
    report(discarded);
    report(warning);
    expect(heard).toEqual([resumed, discarded, warning]);
    expect(emit).not.toHaveBeenCalled();
  });

  test("without a listener: discarded and warning become process warnings with the resume code", () => {
    const emit = spy();
    const report = resumeReporter(undefined);
    report(discarded);
    report(warning);
    expect(emit.mock.calls).toEqual([
      [
        "resume: discarded it",
        { type: "Warning", code: "X_MEDIA_UPLOAD_RESUME" },
      ],
      ["resume: not saved", { type: "Warning", code: "X_MEDIA_UPLOAD_RESUME" }],
    ]);
  });

  test("without a listener: resumed is not a warning", () => {
    const emit = spy();
    resumeReporter(undefined)(resumed);
    expect(emit).not.toHaveBeenCalled();
  });
});
