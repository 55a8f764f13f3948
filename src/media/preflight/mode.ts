// The preflight modes of upload(): a rule type of its own so the engine and the client share it.

/** How `upload()` checks the media against X's documented rules before sending it. */
export type PreflightMode = "strict" | "warn" | "off";

/** Every {@link PreflightMode}. */
export const PREFLIGHT_MODES: readonly PreflightMode[] = [
  "strict",
  "warn",
  "off",
];
