// Only a change of phase passes the throttle: entering the same phase again within 100 ms is held back.
import { expect, test } from "@jest/globals";
import {
  ProgressReporter,
  type UploadProgress,
} from "../../src/engine/progress.js";

test("the same phase twice within 100 ms is one event; a new phase always passes", () => {
  const events: UploadProgress[] = [];
  const p = new ProgressReporter(
    (e) => events.push(e),
    10,
    1,
    undefined,
    () => 0,
  );
  p.phase("processing");
  p.phase("processing");
  p.phase("done");
  expect(events.map((e) => e.phase)).toEqual(["processing", "done"]);
});
