// Credentials and API origin from the environment; never from flags, so they stay out of shell history and `ps`.
import type { Auth } from "../auth/middleware.js";
import { createMediaClient, type MediaClient } from "../client/media-client.js";
import { CredentialsError } from "./usage-error.js";

/** Environment variable names the CLI reads. */
export const ENV_VARS = {
  /** OAuth 2.0 user access token with scope `media.write`. */
  oauth2Token: "X_OAUTH2_TOKEN",
  /** OAuth 1.0a consumer key ("API Key" in the developer portal). */
  apiKey: "X_API_KEY",
  /** OAuth 1.0a consumer secret ("API Key Secret"). */
  apiSecret: "X_API_SECRET",
  /** OAuth 1.0a user access token. */
  accessToken: "X_ACCESS_TOKEN",
  /** OAuth 1.0a user access token secret. */
  accessTokenSecret: "X_ACCESS_TOKEN_SECRET",
  /** API origin, e.g. a fake server's URL; `--base-url` wins. */
  baseUrl: "X_API_BASE_URL",
} as const;

const OAUTH1_VARS = [
  ENV_VARS.apiKey,
  ENV_VARS.apiSecret,
  ENV_VARS.accessToken,
  ENV_VARS.accessTokenSecret,
] as const;

/** Environment as a plain record (`process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Resolves auth: `X_OAUTH2_TOKEN` if set, else all four OAuth 1.0a variables; throws {@link CredentialsError} naming what is missing. */
export function credentialsFromEnv(env: Env): Auth {
  const read = (name: string): string | undefined =>
    env[name]?.trim() || undefined;
  const token = read(ENV_VARS.oauth2Token);
  if (token) return { type: "oauth2", accessToken: token };
  const [consumerKey, consumerSecret, accessToken, accessTokenSecret] =
    OAUTH1_VARS.map(read);
  if (consumerKey && consumerSecret && accessToken && accessTokenSecret) {
    return {
      type: "oauth1",
      consumerKey,
      consumerSecret,
      accessToken,
      accessTokenSecret,
    };
  }
  const present = OAUTH1_VARS.filter((name) => read(name));
  if (present.length > 0) {
    const missing = OAUTH1_VARS.filter((name) => !read(name));
    throw new CredentialsError(
      `Incomplete OAuth 1.0a credentials: ${present.join(", ")} set but ${missing.join(", ")} missing. ` +
        `Set all four of ${OAUTH1_VARS.join(", ")}, or set ${ENV_VARS.oauth2Token} to an OAuth 2.0 user token with scope media.write.`,
    );
  }
  throw new CredentialsError(
    `No X credentials in the environment. Set ${ENV_VARS.oauth2Token} to an OAuth 2.0 user token with scope media.write, ` +
      `or set all four OAuth 1.0a values ${OAUTH1_VARS.join(", ")}. (To try the CLI without an account, run \`x-media-upload serve-fake\`.)`,
  );
}

/** `--base-url`, else `X_API_BASE_URL`, else `undefined` (the library's default, https://api.x.com). */
export function baseUrlFrom(
  flag: string | undefined,
  env: Env,
): string | undefined {
  return flag ?? (env[ENV_VARS.baseUrl]?.trim() || undefined);
}

/** The MediaClient a command talks to X with: credentials from `env`, origin from `--base-url` or `env`. */
export function clientFromEnv(baseUrlFlag: unknown, env: Env): MediaClient {
  const auth = credentialsFromEnv(env);
  const baseUrl = baseUrlFrom(
    typeof baseUrlFlag === "string" ? baseUrlFlag : undefined,
    env,
  );
  return createMediaClient({ auth, ...(baseUrl ? { baseUrl } : {}) });
}
