// A short, readable excerpt of a body that is not JSON (an HTML error page from a proxy).

const MAX = 160;

/** Text of `body` without tags and with collapsed whitespace, cut to 160 characters. */
export function bodyExcerpt(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
