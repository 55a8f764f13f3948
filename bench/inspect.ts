// npm run bench:inspect: inspectMedia on 1 GiB MP4s (sparse: the fixture's ftyp and moov around a 1 GiB mdat),
// moov at the front and at the end. Prints the first call (loads mp4box) and the median of 20 more.
import { readFileSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectMedia } from "../src/index.js";

const GiB = 2 ** 30;
const fixture = new URL(
  "../test/fixtures/media/moov-at-end.mp4",
  import.meta.url,
);

/** The top-level boxes of an MP4 by type. */
function boxes(bytes: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let at = 0; at < bytes.length; at += bytes.readUInt32BE(at)) {
    found.set(
      bytes.toString("latin1", at + 4, at + 8),
      bytes.subarray(at, at + bytes.readUInt32BE(at)),
    );
  }
  return found;
}

async function sparseMp4(path: string, moovAtEnd: boolean): Promise<void> {
  const top = boxes(readFileSync(fixture));
  const [ftyp, moov] = [top.get("ftyp")!, top.get("moov")!];
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(GiB);
  mdat.write("mdat", 4, "latin1");
  const file = await open(path, "w");
  let position = 0;
  for (const part of moovAtEnd ? [ftyp, mdat, moov] : [ftyp, moov, mdat]) {
    await file.write(part, 0, part.length, position);
    position += part === mdat ? GiB : part.length;
  }
  await file.truncate(position);
  await file.close();
}

const dir = await mkdtemp(join(tmpdir(), "x-media-upload-bench-inspect-"));
try {
  console.log(`Node ${process.version}; 1 GiB sparse MP4s; inspectMedia(path)`);
  console.log(
    `${"file".padEnd(26)} ${"first call ms".padStart(13)} ${"median ms (20)".padStart(14)} ${"bytes read".padStart(10)}  fast start`,
  );
  for (const moovAtEnd of [false, true]) {
    const path = join(dir, moovAtEnd ? "moov-at-end.mp4" : "moov-at-front.mp4");
    await sparseMp4(path, moovAtEnd);
    const times: number[] = [];
    let last;
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      last = await inspectMedia(path);
      times.push(performance.now() - started);
    }
    const [first, ...rest] = times;
    rest.sort((a, b) => a - b);
    const median = rest[Math.floor(rest.length / 2)] ?? NaN;
    if (last?.kind !== "video")
      throw new Error(`not inspected: ${JSON.stringify(last)}`);
    const label = `1 GiB MP4, moov at ${moovAtEnd ? "end" : "front"}`;
    console.log(
      `${label.padEnd(26)} ${first!.toFixed(1).padStart(13)} ${median.toFixed(2).padStart(14)} ${String(last.bytesRead).padStart(10)}  ${last.fastStart}`,
    );
    await rm(path);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
