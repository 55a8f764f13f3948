// Prints jest's JSON report as the one plain line CI reads ("N passed, N failed") and sets the exit code.
import { readFileSync } from "node:fs";

const [reportPath, jestStatus = "1"] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, "utf8"));
} catch (error) {
  console.error(`No jest report at ${reportPath}: ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const {
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
} = report;
// Suites that fail to compile or load count no tests, so count them as failures too.
const brokenSuites = report.testResults.filter(
  (r) => r.status === "failed" && r.assertionResults.length === 0,
).length;
console.log(
  `${passed} passed, ${failed + brokenSuites} failed${skipped ? `, ${skipped} skipped` : ""}`,
);
process.exit(
  failed + brokenSuites > 0 || Number(jestStatus) !== 0 || passed === 0 ? 1 : 0,
);
