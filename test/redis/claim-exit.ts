// Child of session-store.test.ts: claims a session, never releases it, disconnects; the process must still exit.
import { Redis } from "ioredis";
import { redisSessionStore } from "../../src/redis/index.js";

const redis = new Redis({ port: Number(process.argv[2]), host: "127.0.0.1" });
const release = await redisSessionStore(redis, { leaseMs: 300 }).claim?.("k");
process.stdout.write(release ? "claimed" : "not claimed");
// Renewals run every 100 ms meanwhile.
await new Promise((r) => setTimeout(r, 250));
redis.disconnect();
// Something else keeps the process up a little longer: renewals tick meanwhile, on a closed connection.
setTimeout(() => {}, 500);
