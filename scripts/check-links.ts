// Checks every relative link and #anchor in the repository's tracked Markdown files (no network); exits 1 naming
// each broken one. Usage: tsx scripts/check-links.ts [files…]   (default: `git ls-files '*.md'`)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One link that does not resolve. */
export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** A link found in Markdown, outside code. */
export interface FoundLink {
  line: number;
  target: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Lines of `markdown` with fenced code blocks blanked, so nothing inside them counts. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((line) => {
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length)
        fence = undefined;
      return "";
    }
    if (open) {
      fence = open;
      return "";
    }
    return line;
  });
}

const withoutCodeSpans = (line: string): string =>
  line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => " ".repeat(span.length));

/** GitHub's heading id (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  // Inline code keeps its text verbatim (`<file>` included); elsewhere links keep their text, images and HTML
  // tags vanish, and emphasis markers go (`*` always, `_` only where it delimits: snake_case keeps it).
  const text = heading
    .split(/((`+)(?:(?!\2).)+?\2)/)
    .filter((_, i) => i % 3 !== 2)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/^`+|`+$/g, "")
        : part
            .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
            .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
            .replace(/<[^>]+>/g, "")
            .replace(/\*+/g, "")
            .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1"),
    )
    .join("");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors a Markdown file defines: heading ids (with GitHub's -1, -2 for repeats) and HTML id/name. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of line.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*"([^"]+)"/gi))
      anchors.add(m[1]!);
  }
  return anchors;
}

/** Inline links and images, reference definitions and HTML href/src, outside code. */
export function linksOf(markdown: string): FoundLink[] {
  const found: FoundLink[] = [];
  proseLines(markdown).forEach((raw, index) => {
    const line = withoutCodeSpans(raw);
    const add = (target: string | undefined) => {
      if (target) found.push({ line: index + 1, target });
    };
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      add(m[1]);
    add(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(line)?.[1]);
    for (const m of line.matchAll(/\b(?:href|src)\s*=\s*"([^"]+)"/gi))
      add(m[1]);
  });
  return found;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every broken relative link or anchor in `files` (paths relative to `root`). */
export function checkLinks(
  root: string,
  files: readonly string[],
): BrokenLink[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (path: string) => {
    let set = anchorCache.get(path);
    if (!set)
      anchorCache.set(path, (set = anchorsOf(readFileSync(path, "utf8"))));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const source = resolve(root, file);
    for (const { line, target } of linksOf(readFileSync(source, "utf8"))) {
      if (EXTERNAL.test(target)) continue;
      const report = (reason: string) =>
        broken.push({ file, line, target, reason });
      const [pathPart = "", anchor] = target.split("#", 2) as [string, string?];
      const path = decodeURIComponent(pathPart.split("?")[0]!);
      const resolved = path
        ? path.startsWith("/")
          ? join(root, path)
          : resolve(dirname(source), path)
        : source;
      if (relative(root, resolved).startsWith("..")) {
        report("points outside the repository");
        continue;
      }
      if (!existsSync(resolved)) {
        report(`${relative(root, resolved)} does not exist`);
        continue;
      }
      if (anchor === undefined || !resolved.endsWith(".md")) continue;
      if (
        statSync(resolved).isFile() &&
        !anchors(resolved).has(decodeURIComponent(anchor))
      )
        report(
          `no heading or anchor #${anchor} in ${relative(root, resolved)}`,
        );
    }
  }
  return broken;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const listed = args.length
    ? args
    : execFileSync("git", ["ls-files", "-z", "*.md"], {
        cwd: root,
        encoding: "utf8",
      })
        .split("\0")
        .filter(Boolean);
  // A file listed twice (git lists each stage of a conflicted file) is checked once.
  const files = [...new Set(listed)];
  const broken = checkLinks(root, files);
  for (const b of broken)
    console.error(`${b.file}:${b.line}: ${b.target} — ${b.reason}`);
  const count = files.reduce(
    (n, f) => n + linksOf(readFileSync(resolve(root, f), "utf8")).length,
    0,
  );
  console.log(
    `check-links: ${files.length} Markdown files, ${count} links, ${broken.length} broken`,
  );
  if (broken.length > 0) process.exit(1);
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
)
  main();
