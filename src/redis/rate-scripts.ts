// One hash per (account, endpoint): `hold` (epoch ms, the latest announced 429 window), `reset` and `left` (the
// current window's end and the requests still allowed in it). Each script reads and writes it atomically, and
// moves its expiry to the later of both ends plus a slack, so nothing outlives what it describes.
import { LuaScript } from "./connection.js";

const EXPIRE = `
local function expire(key, slack)
  local v = redis.call('HMGET', key, 'hold', 'reset')
  local last = math.max(tonumber(v[1]) or 0, tonumber(v[2]) or 0)
  redis.call('PEXPIREAT', key, last + slack)
end
`;

/**
 * Before a request: `0` when it may go (counting it against the window's `left`), else the epoch ms until which
 * it must wait. KEYS: the hash. ARGV: now.
 */
export const TAKE = new LuaScript(
  `
local v = redis.call('HMGET', KEYS[1], 'hold', 'reset', 'left')
local now = tonumber(ARGV[1])
local hold = tonumber(v[1]) or 0
if hold > now then return hold end
local reset = tonumber(v[2]) or 0
if reset > now then
  if (tonumber(v[3]) or 0) <= 0 then return reset end
  redis.call('HINCRBY', KEYS[1], 'left', -1)
end
return 0
`,
  1,
);

/** A 429's window: `hold` becomes the later of the stored and the new end. KEYS: the hash. ARGV: until, slack. */
export const HOLD = new LuaScript(
  `${EXPIRE}
local untilMs = tonumber(ARGV[1])
if untilMs > (tonumber(redis.call('HGET', KEYS[1], 'hold')) or 0) then
  redis.call('HSET', KEYS[1], 'hold', ARGV[1])
end
expire(KEYS[1], tonumber(ARGV[2]))
return 1
`,
  1,
);

/**
 * An answer's `x-rate-limit-remaining` and reset: a later window replaces the stored one; within the same window
 * the lower count wins (answers arrive out of order, and `left` already counts requests sent since); an earlier
 * window's answer is ignored. KEYS: the hash. ARGV: remaining, reset (epoch ms), slack.
 */
export const NOTE = new LuaScript(
  `${EXPIRE}
local remaining = tonumber(ARGV[1])
local reset = tonumber(ARGV[2])
local v = redis.call('HMGET', KEYS[1], 'reset', 'left')
local stored = tonumber(v[1]) or 0
if reset < stored then return 0 end
if reset == stored then remaining = math.min(remaining, tonumber(v[2]) or remaining) end
redis.call('HSET', KEYS[1], 'reset', ARGV[2], 'left', remaining)
expire(KEYS[1], tonumber(ARGV[3]))
return 1
`,
  1,
);
