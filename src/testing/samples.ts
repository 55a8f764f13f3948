// Paths of the sample media shipped in the package's fixtures/, for tests that need a real PNG, GIF or MP4.
import { fixturePath } from "../package-root.js";

/** The samples, each a few KiB: a 96×64 PNG, a 64×48 animated GIF and a 1 s 160×90 H.264/AAC MP4. */
export interface SamplePaths {
  /** `image/png`, uploads as `tweet_image`. */
  readonly png: string;
  /** `image/gif`, uploads as `tweet_gif` (processed). */
  readonly gif: string;
  /** `video/mp4`, uploads as `tweet_video` (processed). */
  readonly mp4: string;
}

/** Absolute paths of the bundled samples, resolved on first read from wherever the package is installed. */
export const samplePaths: SamplePaths = Object.freeze({
  get png() {
    return fixturePath("sample.png");
  },
  get gif() {
    return fixturePath("sample.gif");
  },
  get mp4() {
    return fixturePath("sample.mp4");
  },
});
