// send() from a session saved after FINALIZE: no INIT/APPEND/FINALIZE, and progress starts at "finalize"
// with every byte and segment counted as done.
import { describe, expect, test } from "@jest/globals";
import { AbortError, type UploadProgress } from "../../src/index.js";
import { sample } from "./fixtures.js";
import { clientFor } from "./harness.js";
import { fileWith, useResumeBed, watchedStore } from "./resume/helpers.js";

const SEGMENT = 16 * 1024;
const video = sample("video/mp4", SEGMENT * 3 + 5);

const bed = useResumeBed();

describe("a session saved after FINALIZE", () => {
  test("the next run starts at finalize with all segments counted, then polls STATUS only", async () => {
    const path = await fileWith(bed.dir, "clip.mp4", video);
    const stop = new AbortController();
    const first = await clientFor(bed.server)
      .upload(path, {
        resume: true,
        resumeStore: watchedStore(bed.storeDir),
        segmentBytes: SEGMENT,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.phase === "processing") stop.abort(new Error("crash"));
        },
      })
      .catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AbortError);
    const [saved] = await watchedStore(bed.storeDir).list();
    expect(saved?.session.phase).toBe("finalized");
    const from = bed.server.requests.length;
    const seen: UploadProgress[] = [];
    const result = await clientFor(bed.server).upload(path, {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      onProgress: (p) => seen.push({ ...p }),
    });
    expect(
      new Set(bed.server.requests.slice(from).map((r) => r.operation)),
    ).toEqual(new Set(["getMediaUploadStatus"]));
    expect(seen[0]).toEqual({
      phase: "finalize",
      mediaId: result.id,
      totalBytes: video.length,
      bytesSent: video.length,
      bytesAcknowledged: video.length,
      segmentsDone: 4,
      segmentsTotal: 4,
      processingPercent: undefined,
    });
  });
});
