// RFC 5849 §3.6 percent-encoding, used for every OAuth 1.0a key, value and signature part.

// RFC 5849 §3.6: only ALPHA, DIGIT, "-", ".", "_" and "~" are left as they are.
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** Percent-encodes `value` per RFC 5849 §3.6 (UTF-8 bytes, uppercase hex, unreserved characters kept). */
export function percentEncode(value: string): string {
  if (UNRESERVED.test(value)) return value;
  let out = "";
  // Encoding the UTF-8 bytes ourselves (not encodeURIComponent) also escapes !'()* and never throws on lone surrogates.
  for (const byte of Buffer.from(value, "utf8")) {
    const char = String.fromCharCode(byte);
    out +=
      byte < 0x80 && UNRESERVED.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Decodes a percent-encoded value (no `+`-as-space), or returns `null` if it is malformed. */
export function percentDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
