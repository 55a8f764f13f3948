// Media ids shaped like X's (Snowflake: ms since X's epoch << 22 | sequence), always matching ^[0-9]{1,19}$.

// Twitter Snowflake epoch, 2010-11-04T01:42:54.657Z (github.com/twitter-archive/snowflake).
const X_EPOCH = 1288834974657n;

/** Returns a generator of unique, increasing media ids. */
export function createIdGenerator(): () => string {
  let last = 0n;
  return () => {
    const fromTime = (BigInt(Date.now()) - X_EPOCH) << 22n;
    last = fromTime > last ? fromTime : last + 1n;
    return last.toString();
  };
}
