// --help texts of every command; docs/cli.md says the same.
import { DEFAULTS } from "../client/options.js";

const CREDENTIALS = `Credentials (environment only; there are no token flags):
  X_OAUTH2_TOKEN          OAuth 2.0 user access token with scope media.write
  or all four OAuth 1.0a values:
  X_API_KEY               consumer key ("API Key")
  X_API_SECRET            consumer secret ("API Key Secret")
  X_ACCESS_TOKEN          user access token
  X_ACCESS_TOKEN_SECRET   user access token secret
  X_API_BASE_URL          API origin (default https://api.x.com), e.g. a serve-fake URL`;

/** Help text by command; `main` is shown for `x-media-upload --help`. */
export const HELP: Readonly<Record<string, string>> = {
  main: `x-media-upload — upload photos, GIFs and videos to X (API v2 chunked media upload)

Usage:
  x-media-upload upload <file>... [flags]  upload files, print their media ids
  x-media-upload inspect <file...> [flags] what X's media rules see in files (nothing is sent)
  x-media-upload status <media-id> [flags] show (or wait for) processing of an upload
  x-media-upload sessions [--clear]        list (or remove) saved, resumable uploads
  x-media-upload serve-fake [flags]        run the fake X API server for your own tests
  x-media-upload demo                      upload sample media to an embedded fake server

Global flags:
  -h, --help       help for a command (x-media-upload <command> --help)
  -v, --version    print the version

${CREDENTIALS}

Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 auth, 5 API error,
6 processing failed, 7 network, 8 timeout, 9 rate limited, 130 aborted.`,

  upload: `Usage: x-media-upload upload <file>... [flags]

Uploads <file> (streamed from disk, segments appended in parallel, retried on
faults), waits for X to process videos and GIFs, and prints the media id.
<file> may be - to read a pipe (spooled to a temp file first: X needs the size).
Several files go through one client, 8 at a time: one media id per line on
stdout in the order of the files (an empty line for a file that failed), one
live line per file on a terminal, --alt-text once per file in order ("" for
none), --json an array, and the exit code of the worst failure.
Each retry and rate-limit wait is reported on stderr as it happens (unless -q).
Uploads are resumable: each file's session is saved as X acknowledges segments,
so after a crash or Ctrl+C the same command continues where it stopped (same
file, size and mtime; Ctrl+C prints the command). See \`x-media-upload sessions\`.

Flags:
  --type <mime>          media type, e.g. video/mp4 (default: sniffed from the bytes)
  --force-type           send --type even when the bytes look like another type
  --category <name>      tweet_image, tweet_gif, tweet_video, amplify_video, dm_image,
                         dm_gif, dm_video or subtitles (default: from the media type)
  --alt-text <text>      alt text for the image, GIF or video (up to 1000 characters),
                         set once X has processed the media
  --account-tier <tier>  standard or premium: refuse before uploading what X refuses
                         that account (default: only what no account can upload)
  --concurrency <n>      APPENDs in flight, 1 to 32 (default ${DEFAULTS.concurrency})
  --segment-size <size>  bytes per APPEND, e.g. 1MiB or 4194304, at most 8MiB
                         (default 4MiB, grown to 8MiB only past 1000 segments)
  --base-url <url>       API origin (default: $X_API_BASE_URL or https://api.x.com)
  --no-wait              return after FINALIZE without waiting for processing
  --preflight <mode>     strict (default): refuse what X documents it refuses, warn
                         about the rest; warn: upload anyway; off: do not inspect
  --resume               continue a saved session (the default for files; stdin
                         cannot resume)
  --no-resume            neither save nor continue a session
  --json                 print one JSON object on stdout (result or error)
  -q, --quiet            no progress output (and no preflight warnings)
  -h, --help             this help

${CREDENTIALS}`,

  inspect: `Usage: x-media-upload inspect <file...> [flags]

Reads each file's headers (MP4/MOV boxes, GIF blocks, image headers; never the
whole video) and prints what X's media rules look at: duration, frame size,
frame rate, codecs and profiles, audio channels, bitrate, fast start, GIF frames,
and how the file fares against X's documented rules for its category. Nothing is
sent and no credentials are needed.

Flags:
  --category <name>      check against this category (default: from the media type)
  --json                 print {"ok": true, "files": [...]} on stdout
  -h, --help             this help`,

  status: `Usage: x-media-upload status <media-id> [flags]

Shows the processing state of an upload (GET /2/media/upload?command=STATUS).

Flags:
  --wait                 poll until processing succeeds or fails, with a progress bar
  --base-url <url>       API origin (default: $X_API_BASE_URL or https://api.x.com)
  --json                 print one JSON object on stdout (result or error)
  -q, --quiet            no progress output
  -h, --help             this help

${CREDENTIALS}`,

  sessions: `Usage: x-media-upload sessions [flags]

Lists the saved sessions of interrupted uploads: file, media id, segments and
bytes X acknowledged, and when X forgets the media id. Re-running the upload
continues one. Sessions live in $XDG_CACHE_HOME/x-media-upload/sessions
(~/.cache/x-media-upload/sessions; ~/Library/Caches on macOS, %LOCALAPPDATA%
on Windows) and hold no token or secret.

Flags:
  --clear                remove every saved session
  --json                 print one JSON object on stdout
  -h, --help             this help`,

  "serve-fake": `Usage: x-media-upload serve-fake [flags]

Runs the project's fake X media API on loopback until Ctrl+C (SIGINT) or SIGTERM,
so code in any language can be tested against it. Any bearer token is accepted.

Flags:
  --port <n>             port (default: 0 = a free one)
  --host <addr>          interface (default: 127.0.0.1)
  --latency-ms <ms>      delay every answer by this many milliseconds
  --fail-rate <0..1>     share of requests answered 503 (retryable)
  --reset-rate <0..1>    share of requests whose connection is reset
  --seed <n>             seed of the random faults (default: 1)
  --processing-ms <ms>   video/GIF processing time after FINALIZE (default: 3000)
  --account-tier <tier>  standard or premium: whose size limits INITIALIZE applies
                         (default: standard)
  --log                  print one line per request
  --json                 print {"url": …} as one JSON line once listening
  -h, --help             this help`,

  demo: `Usage: x-media-upload demo [flags]

Starts the embedded fake X server, uploads the bundled samples (a PNG, a GIF and an
MP4) through the whole pipeline with live progress, and prints media ids and timings.
Needs no credentials and no network.

Flags:
  --json                 print one JSON object on stdout with every result
  -q, --quiet            no progress output
  -h, --help             this help`,
};
