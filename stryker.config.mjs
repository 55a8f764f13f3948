// StrykerJS mutation testing, one folder per run: `npm run mutation [-- src/media ...]` (scripts/mutation.mjs).
// Not part of CI: a folder takes minutes to an hour on two cores.
// Each folder: the files to mutate and the tests that may kill them, its own unit tests (the API level: the
// options and thin-call tests). Every upload reaches most of src/, so the integration test files would run for
// nearly every mutant, hours per folder on two shared cores: they are left out, and the scores count only what
// the unit tests catch. So are the CLI's end-to-end tests (processes Stryker cannot see into).
const CALLS_TEST = "**/test/client/media-client.calls.test.ts";
const OPTIONS_TEST = "**/test/client/media-client.options.test.ts";
const targets = {
  "src/media": {
    mutate: ["src/media/**/*.ts"],
    // Not the API-level tests: a third of media's mutants are static (tables, regexps) and would run them all.
    tests: ["**/test/media/**/*.test.ts", "**/test/engine/source.test.ts"],
  },
  "src/auth": {
    mutate: ["src/auth/**/*.ts"],
    tests: ["**/test/auth/**/*.test.ts"],
  },
  "src/http": {
    mutate: ["src/http/**/*.ts"],
    tests: ["**/test/http/**/*.test.ts"],
  },
  "src/engine": {
    mutate: ["src/engine/**/*.ts"],
    tests: ["**/test/engine/**/*.test.ts"],
  },
  // The API binding: one function per operation, retry, the rate state, createXClient.
  "src/api": {
    mutate: ["src/api/**/*.ts"],
    tests: ["**/test/api/**/*.test.ts", CALLS_TEST],
  },
  // The client layer: createMediaClient/uploadMedia, the option resolution and its validators.
  "src/client": {
    mutate: [
      "src/client/media-client.ts",
      "src/client/options.ts",
      "src/client/option-checks.ts",
    ],
    tests: [
      OPTIONS_TEST,
      CALLS_TEST,
      "**/test/client/option-checks.test.ts",
      "**/test/client/options.messages.test.ts",
      "**/test/client/media-client.edges.test.ts",
    ],
  },
};

const target = process.env.MUTATION_TARGET ?? "src/media";
const { mutate, tests } = targets[target] ?? {};
if (!mutate) throw new Error(`Unknown MUTATION_TARGET ${target}`);
const slug = target.replace(/^src\//, "");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate,
  packageManager: "npm",
  testRunner: "jest",
  testRunnerNodeArgs: ["--experimental-vm-modules"],
  jest: {
    projectType: "custom",
    configFile: "jest.config.js",
    // src/ in the roots lets findRelatedTests follow imports through src/index.ts to the tests.
    config: {
      testMatch: tests,
      roots: ["<rootDir>/test", "<rootDir>/src", "<rootDir>/generated"],
    },
    // Only tests that import the mutated files run; perTest coverage then narrows each mutant to the tests reaching it.
    enableFindRelatedTests: true,
  },
  coverageAnalysis: "perTest",
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Two cores shared by several people: one test process (`-- --concurrency 2` when the machine is quiet).
  concurrency: 1,
  timeoutMS: 20000,
  // A re-run after a small change only tests the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${slug}/stryker-incremental.json`,
  ignorePatterns: ["dist", "coverage", "reports", "bench/.tmp", "*.tgz"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${slug}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${slug}/mutation.json` },
  cleanTempDir: "always",
};
