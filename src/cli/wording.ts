// The CLI speaks in flags: library option names in a message become the flag (or variable) that sets them,
// and a misspelt flag or command gets a "did you mean".

// Longest names first, so `forceMediaType` is not caught by `mediaType`.
const FLAG_FOR: readonly (readonly [string, string])[] = [
  ["forceMediaType: true", "--force-type"],
  ["forceMediaType", "--force-type"],
  ["mediaCategory", "--category"],
  ["mediaType", "--type"],
  ["altText", "--alt-text"],
  ["segmentBytes", "--segment-size"],
  ["concurrency", "--concurrency"],
  ["accountTier", "--account-tier"],
  ['preflight: "warn"', "--preflight warn"],
  ["waitForProcessing", "--no-wait"],
  ["baseUrl", "--base-url (or X_API_BASE_URL)"],
];

/** `message` with library option names (`mediaType`, `altText`, `baseUrl` …) replaced by the CLI's flags. */
export function inCliWords(message: string): string {
  // A processing timeout's resume advice, as a command (the CLI waits processingTimeoutMs' default, 10 minutes).
  let out = message.replace(
    /after processingTimeoutMs \((\d+) ms\)\. Resume with client\.waitForProcessing\("(\d+)"\), or raise processingTimeoutMs\./g,
    "after $1 ms. Wait longer with `x-media-upload status $2 --wait`.",
  );
  for (const [option, flag] of FLAG_FOR) {
    const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Backticked anywhere; bare only as a camelCase identifier (plain words like "concurrency" stay).
    const bare = /[A-Z]/.test(option) ? `|\\b${escaped}\\b` : "";
    out = out.replace(new RegExp(`\`${escaped}\`${bare}`, "g"), flag);
  }
  return out;
}

// Names people reach for that the CLI spells differently (library options, other tools' flags).
const SYNONYMS: Readonly<Record<string, string>> = {
  "media-type": "type",
  mime: "type",
  "mime-type": "type",
  "media-category": "category",
  "force-media-type": "force-type",
  alt: "alt-text",
  "segment-bytes": "segment-size",
  "chunk-size": "segment-size",
  "account-type": "account-tier",
  tier: "account-tier",
  "api-base-url": "base-url",
  url: "base-url",
};

/** The known name closest to `given` (a typo or a synonym), or `undefined` when none is close. */
export function closest(
  given: string,
  known: readonly string[],
): string | undefined {
  const bare = given.replace(/^-+/, "").toLowerCase().replace(/_/g, "-");
  const synonym = SYNONYMS[bare];
  if (synonym !== undefined && known.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = distance(bare, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  // A third of the name, at least 1 and at most 3 edits, counts as a typo.
  const allowed = Math.min(3, Math.max(1, Math.floor(bare.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

// Levenshtein distance with adjacent transpositions (optimal string alignment).
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) =>
      i === 0 ? j : j === 0 ? i : 0,
    ),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
