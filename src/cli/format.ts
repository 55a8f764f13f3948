// Human-readable sizes, rates and durations for the CLI's progress and summaries.

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** Formats a byte count with binary units: `0 B`, `812 B`, `10.7 KiB`, `4.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "? B";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** Formats a transfer rate: `1.2 MiB/s`, or `–` when unknown. */
export function formatRate(bytesPerSecond: number | undefined): string {
  if (bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond))
    return "–";
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

/** Formats milliseconds as `35 ms`, `1.4s`, `12s`, `3m05s` or `1h02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** Formats an ETA in whole seconds (`ETA 7s`, `ETA 2m10s`), or `ETA –` when unknown. */
export function formatEta(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return "ETA –";
  const seconds = Math.ceil(ms / 1000);
  return `ETA ${seconds < 60 ? `${seconds}s` : formatDuration(seconds * 1000)}`;
}

/** Lays out `rows` (the first is the header) in left-aligned columns two spaces apart, indented by two. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) =>
    Math.max(...rows.map((row) => (row[i] ?? "").length)),
  );
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd()}`,
  );
}
