// The files of the multi-process tests: small PNG-headed bytes, different for every worker and file.
import { sample } from "../engine/fixtures.js";

/** File `file` of worker `worker`: 1.2–2 KiB (two 1 KiB segments), its own bytes after the PNG head. */
export function workerFile(worker: number, file: number): Buffer {
  const bytes = sample("image/png", 1200 + worker * 211 + file * 37);
  bytes.writeUInt16BE(worker * 1000 + file, 20);
  return bytes;
}
