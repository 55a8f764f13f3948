// x-media-upload/redis: rate state and resumable sessions shared by workers through Redis (ioredis, an optional
// peer dependency: only this entry point needs it).
export { redisRateState } from "./rate-state.js";
export { redisSessionStore } from "./session-store.js";
export { RedisUnavailableWarning } from "./coordinator.js";
export type { RedisConnection } from "./connection.js";
export type {
  RedisKeyOptions,
  RedisRateStateOptions,
  RedisSessionStoreOptions,
} from "./options.js";
export type {
  RateState,
  RateStateAccount,
  RateStateFactory,
} from "../api/rate-state.js";
export type { SavedSession, SessionStore } from "../engine/session-store.js";
