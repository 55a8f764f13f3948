#!/usr/bin/env node
// The `x-media-upload` executable: wires process streams, env and signals into run().
import { run } from "./run.js";

const controller = new AbortController();
let signals = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  // First Ctrl+C aborts cleanly (exit 130); a second one exits at once.
  if (++signals > 1) process.exit(130);
  controller.abort(new Error(`Received ${signal}`));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
