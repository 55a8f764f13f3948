// X's animated GIF recommendations (limits.ts) applied to an inspected GIF. X calls them recommendations
// ("A GIF may fail during Post creation"), so each finding is a warning, never a refusal.
import type { GifInspection } from "../inspect/types.js";
import { issue, type PreflightIssue } from "./issue.js";
import { BEST_PRACTICES, GIF } from "./limits.js";

/** What in `g` X recommends against for an animated GIF in `category`. */
export function checkGif(g: GifInspection, category: string): PreflightIssue[] {
  const found: PreflightIssue[] = [];
  const add = (
    rule: string,
    property: string,
    value: string,
    limit: string,
    fix: string,
  ) =>
    found.push(
      issue(
        {
          rule,
          severity: "warning",
          property,
          value,
          limit,
          fix,
          source: BEST_PRACTICES,
        },
        `for ${category}, or the Post may fail`,
      ),
    );
  if (g.width > GIF.maxWidth || g.height > GIF.maxHeight) {
    add(
      "gif.dimensions",
      "the GIF's size",
      `${g.width}×${g.height}`,
      `up to ${GIF.maxWidth}×${GIF.maxHeight}`,
      `scale it down, e.g. \`ffmpeg -i in.gif -vf "scale=${GIF.maxWidth}:${GIF.maxHeight}:force_original_aspect_ratio=decrease" out.gif\``,
    );
  }
  if (g.frameCount > GIF.maxFrames) {
    add(
      "gif.frames",
      "the frame count",
      `${g.frameCount} frames`,
      `up to ${GIF.maxFrames} frames`,
      "drop frames or shorten it, e.g. `ffmpeg -i in.gif -vf fps=10 out.gif`, or upload it as an MP4 video",
    );
  }
  if (g.totalPixels > GIF.maxTotalPixels) {
    add(
      "gif.totalPixels",
      "the GIF's pixels (width × height × frames)",
      g.totalPixels.toLocaleString("en-US"),
      `up to ${GIF.maxTotalPixels.toLocaleString("en-US")}`,
      "make it smaller or shorter, or upload it as an MP4 video",
    );
  }
  return found;
}
