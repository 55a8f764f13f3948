// Where the default session store lives: the user's cache directory, by each platform's convention.
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";

/** `$XDG_CACHE_HOME/x-media-upload` when set; else `~/Library/Caches/…` (macOS), `%LOCALAPPDATA%\…\Cache` (Windows), `~/.cache/…`. */
export function cacheDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: string = process.platform,
  home: () => string = homedir,
): string {
  const xdg = env.XDG_CACHE_HOME;
  // XDG says a relative path is invalid and must be ignored.
  if (xdg && xdg.startsWith("/")) return join(xdg, "x-media-upload");
  if (platform === "darwin")
    return join(home(), "Library", "Caches", "x-media-upload");
  if (platform === "win32") {
    const local = env.LOCALAPPDATA || join(home(), "AppData", "Local");
    return join(local, "x-media-upload", "Cache");
  }
  return join(home(), ".cache", "x-media-upload");
}
