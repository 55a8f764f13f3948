// Public entry point `x-media-upload/testing`: a fake X media upload server for tests, benchmarks and demos.
export { startFakeXServer, type FakeXServer } from "./server.js";
export type { FakeXServerOptions } from "./options.js";
export type { MediaKind } from "./categories.js";
export { FAKE_OPERATIONS } from "./types.js";
export type {
  FakeCounters,
  FakeOperation,
  FakeRequestRecord,
  FakeSegment,
  FakeUpload,
  Fault,
  FaultController,
  FaultRule,
  ProcessingFailure,
  ProcessingState,
  RandomFault,
  RandomFaults,
} from "./types.js";
export {
  DEVIATIONS,
  type Deviation,
  type DeviationMatch,
} from "./deviations.js";
export { samplePaths, type SamplePaths } from "./samples.js";
