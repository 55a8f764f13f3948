// Makes the tiny media files of test/fixtures/media/, each breaking one of X's media rules (or none), with
// Debian's ffmpeg: `npx tsx scripts/media-fixtures.ts`. Run once; the outputs are committed.
// Debian's ffmpeg has no HE-AAC encoder (libfdk_aac is not packaged; its native `aac` writes LC only), so
// he-aac.mp4 is the conforming file with its AudioSpecificConfig rewritten to HE-AAC's (see patchHeAac).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "media");

interface Video {
  size?: string;
  rate?: number;
  seconds?: number;
  audio?: boolean | number;
  pixFmt?: string;
  faststart?: boolean;
  format?: "mp4" | "mov";
}

// A solid-colour H.264 High video (tiny at any size) with optional AAC-LC audio (channel count when a number).
function video(name: string, v: Video = {}): void {
  const { size = "256x144", rate = 30, seconds = 1, audio = true } = v;
  const args = ["-hide_banner", "-loglevel", "error", "-y"];
  args.push(
    "-f",
    "lavfi",
    "-i",
    `color=c=0x3060a0:size=${size}:rate=${rate}:duration=${seconds}`,
  );
  if (audio !== false) {
    const layout = audio === 6 ? "5.1" : "stereo";
    args.push(
      "-f",
      "lavfi",
      "-i",
      `anullsrc=channel_layout=${layout}:sample_rate=44100`,
      "-t",
      String(seconds),
    );
    args.push("-c:a", "aac", "-b:a", audio === 6 ? "64k" : "24k");
  }
  args.push(
    "-c:v",
    "libx264",
    "-preset",
    "veryslow",
    "-crf",
    "45",
    "-g",
    String(rate * 10),
  );
  args.push("-pix_fmt", v.pixFmt ?? "yuv420p");
  if (!v.pixFmt) args.push("-profile:v", "high");
  if (v.faststart !== false) args.push("-movflags", "+faststart");
  args.push(
    "-map_metadata",
    "-1",
    "-fflags",
    "+bitexact",
    "-f",
    v.format ?? "mp4",
    join(OUT, name),
  );
  execFileSync("ffmpeg", args);
}

// Rewrites the 5-byte AudioSpecificConfig ffmpeg writes for AAC LC (object type 2 plus a sync extension saying
// "no SBR") into HE-AAC's explicit hierarchical form, same length so no box size or chunk offset moves:
// object type 5 (SBR), core 22,050 Hz, 2 channels, output 44,100 Hz, core type 2: 0x2B 0x92 0x08 0x00, zero padded.
function patchHeAac(source: string, target: string): void {
  const bytes = readFileSync(join(OUT, source));
  const esds = bytes.indexOf("esds", 0, "latin1");
  // DecoderSpecificInfo: tag 5, then ffmpeg's 4-byte length 0x80 0x80 0x80 0x05.
  const tag = bytes.indexOf(Buffer.from([0x05, 0x80, 0x80, 0x80, 0x05]), esds);
  if (esds < 0 || tag < 0)
    throw new Error(`no 5-byte AudioSpecificConfig in ${source}`);
  Buffer.from([0x2b, 0x92, 0x08, 0x00, 0x00]).copy(bytes, tag + 5);
  writeFileSync(join(OUT, target), bytes);
}

function gif(name: string, frames: number): void {
  // 16×16, one changing pixel row per frame so no frame is dropped as a duplicate.
  execFileSync("ffmpeg", [
    ...["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"],
    ...["-i", `testsrc=size=16x16:rate=10:duration=${frames / 10}`],
    ...["-frames:v", String(frames), "-fflags", "+bitexact", join(OUT, name)],
  ]);
}

function still(name: string, codec: string[]): void {
  execFileSync("ffmpeg", [
    ...["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"],
    ...[
      "-i",
      "testsrc=size=40x30",
      "-frames:v",
      "1",
      ...codec,
      join(OUT, name),
    ],
  ]);
}

mkdirSync(OUT, { recursive: true });
video("conforming.mp4");
video("conforming.mov", { format: "mov" });
video("fps-61.mp4", { rate: 61 });
video("size-2000x2000.mp4", { size: "2000x2000", audio: false });
video("aspect-1x4.mp4", { size: "128x512" });
video("duration-150s.mp4", {
  size: "64x64",
  rate: 1,
  seconds: 150,
  audio: false,
});
video("moov-at-end.mp4", { faststart: false });
video("yuv444p.mp4", { pixFmt: "yuv444p" });
video("audio-5.1.mp4", { audio: 6 });
patchHeAac("conforming.mp4", "he-aac.mp4");
gif("frames-351.gif", 351);
gif("frames-10.gif", 10);
still("still.jpg", ["-c:v", "mjpeg"]);
still("still.webp", ["-c:v", "libwebp"]);
still("still.png", ["-c:v", "png"]);
for (const name of [
  "conforming.mp4",
  "conforming.mov",
  "fps-61.mp4",
  "size-2000x2000.mp4",
  "aspect-1x4.mp4",
  "duration-150s.mp4",
  "moov-at-end.mp4",
  "yuv444p.mp4",
  "audio-5.1.mp4",
  "he-aac.mp4",
  "frames-351.gif",
  "frames-10.gif",
  "still.jpg",
  "still.webp",
  "still.png",
]) {
  console.log(`${name}\t${statSync(join(OUT, name)).size} bytes`);
}
