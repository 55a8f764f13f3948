// `npm run soak`: the full many-uploads soak (200 uploads of 50 KB–35 MB, 4 at a time through one client,
// random faults); prints the report and exits 1 if any upload failed or a request hit an announced 429 window.
import { runSoak } from "../test/soak/soak-run.js";

const MB = 1_000_000;
const report = await runSoak({
  uploads: Number(process.env.SOAK_UPLOADS ?? 200),
  sizes: {
    image: [50_000, 4.5 * MB],
    gif: [50_000, 14 * MB],
    video: [50_000, 35 * MB],
  },
  segmentBytes: 4 * 1024 * 1024,
  stallTimeoutMs: 2000,
  requestTimeoutMs: 15_000,
  seed: Number(process.env.SOAK_SEED ?? 1),
});
const { failures, ...figures } = report;
console.log(JSON.stringify(figures, null, 2));
console.log(
  `${report.fulfilled}/${report.uploads} uploads, ${report.sha256Exact} sha256-exact, ${(report.bytes / MB).toFixed(0)} MB in ${report.seconds.toFixed(1)} s, ` +
    `${report.requests} requests (${report.faultsApplied} faults), ${report.insideRateLimitWindow} inside a 429 window, ${report.unhandledRejections} unhandled rejections`,
);
for (const f of failures) console.log(`  ${f}`);
const ok =
  failures.length === 0 &&
  report.insideRateLimitWindow === 0 &&
  report.unhandledRejections === 0;
process.exit(ok ? 0 : 1);
