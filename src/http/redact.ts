// Keeps credentials out of error messages: URLs, server-echoed text and known secret values.

const REDACTED = "[REDACTED]";
// Query keys that carry credentials in OAuth 1.0a (RFC 5849 §3.5.3) and common APIs.
const SECRET_KEY =
  /^oauth_|token|secret|api[_-]?key|consumer_key|signature|^sig$|passw|^auth|credential|^code$/i;
// A long run of token alphabet mixing letters and digits: an API key, bearer or signature.
const SECRET_VALUE = /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9\-._~+/%=]{20,}$/;
// Header-style credentials a server might echo back in an error page.
const SECRET_TEXT = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/%=]{8,}/gi,
  /\b(oauth_[a-z_]+)\s*=\s*"?[^",&\s]+"?/gi,
  /\b(access_token|client_secret|consumer_secret|token_secret)\s*[=:]\s*"?[^",&\s]+"?/gi,
];

// user:password@ in any URL inside a text (fetch quotes the whole URL when it refuses one).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** Returns `url` with userinfo removed and secret-looking query values replaced by `[REDACTED]`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  parsed.username = "";
  parsed.password = "";
  for (const [key, value] of [...parsed.searchParams]) {
    if (SECRET_KEY.test(key) || SECRET_VALUE.test(value)) {
      parsed.searchParams.set(key, REDACTED);
    }
  }
  // URLSearchParams would percent-encode the brackets; keep them readable.
  return parsed.href.replaceAll("%5BREDACTED%5D", REDACTED);
}

/** Returns `text` with credential patterns and the given secret values replaced by `[REDACTED]`. */
export function redactText(
  text: string,
  secrets: readonly string[] = [],
): string {
  let out = text.replace(URL_USERINFO, `$1${REDACTED}@`);
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real keys and tokens are long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_TEXT) {
    out = out.replace(
      pattern,
      (_match, label: string) => `${label} ${REDACTED}`,
    );
  }
  return out;
}
