// Request/answer over a forked child's IPC channel, shared by the benchmarks.
import type { ChildProcess } from "node:child_process";

/** Sends `message` to `child` and resolves with its first answer of `type`. */
export function ask<T>(
  child: ChildProcess,
  message: object,
  type: string,
): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}
