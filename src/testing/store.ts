// Upload sessions; every APPENDed segment spills to its own file under a temp dir, so GiB uploads stay out of RAM.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIdGenerator } from "./ids.js";
import type { NewSession, Session } from "./session.js";

export type { NewSession, Session } from "./session.js";

/** All sessions of one server plus their temp dir. */
export class SessionStore {
  readonly sessions = new Map<string, Session>();
  readonly #nextId = createIdGenerator();
  #ordinal = 0;
  #fileSeq = 0;
  #disposed = false;

  private constructor(readonly dir: string) {}

  /** Creates the store's temp dir (mkdtemp) under `parent`. */
  static async create(parent: string | undefined): Promise<SessionStore> {
    return new SessionStore(
      await mkdtemp(join(parent ?? tmpdir(), "x-fake-server-")),
    );
  }

  /** Starts a session. */
  add(init: NewSession, now = Date.now()): Session {
    const id = this.#nextId();
    const { keyPrefix, ...rest } = init;
    const session: Session = {
      ...rest,
      id,
      ordinal: ++this.#ordinal,
      mediaKey: `${keyPrefix}_${id}`,
      segments: new Map(),
      createdAt: now,
      finalizedAt: undefined,
      finalizing: undefined,
      sha256: undefined,
      failure: undefined,
      forcedFailure: undefined,
      metadata: {},
      subtitles: [],
      purged: false,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** Counts one APPEND attempt at `index` (complete or not). */
  countAttempt(session: Session, index: number): void {
    const segment = session.segments.get(index) ?? {
      bytes: 0,
      attempts: 0,
      file: undefined,
    };
    segment.attempts += 1;
    session.segments.set(index, segment);
  }

  /** A fresh file path in the session's dir for one APPEND body. */
  async newFile(session: Session): Promise<string> {
    // After close() a late request must not bring the deleted temp dir back.
    if (this.#disposed) throw new Error("fake server closed");
    const dir = join(this.dir, session.id);
    await mkdir(dir, { recursive: true });
    return join(dir, `part-${++this.#fileSeq}`);
  }

  /** A fresh file path in the temp dir for a body not yet tied to a session. */
  scratchFile(): string {
    return join(this.dir, `scratch-${++this.#fileSeq}`);
  }

  /** Forgets a session and deletes its files. */
  async remove(session: Session): Promise<void> {
    this.sessions.delete(session.id);
    await rm(join(this.dir, session.id), { recursive: true, force: true });
  }

  /** Makes a fully received attempt the segment's bytes, replacing (and deleting) any earlier attempt. */
  async commitSegment(
    session: Session,
    index: number,
    file: string,
    bytes: number,
  ): Promise<void> {
    const segment = session.segments.get(index);
    if (
      !segment ||
      session.purged ||
      this.sessions.get(session.id) !== session
    ) {
      await unlink(file).catch(() => {});
      return;
    }
    const previous = segment.file;
    segment.file = file;
    segment.bytes = bytes;
    if (previous) await unlink(previous).catch(() => {});
  }

  /** The assembled media: segment files read in index order. */
  async *assembled(session: Session): AsyncGenerator<Buffer> {
    const files = [...session.segments.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, segment]) => (segment.file ? [segment.file] : []));
    for (const file of files)
      yield* createReadStream(file) as AsyncIterable<Buffer>;
  }

  /** SHA-256 (hex) and the first `headBytes` bytes of the assembled media. */
  async digest(
    session: Session,
    headBytes: number,
  ): Promise<{ sha256: string; head: Buffer }> {
    // An APPEND re-sending a segment while FINALIZE reads replaces (and deletes) its file: read again.
    for (let tries = 1; ; tries += 1) {
      try {
        return await this.#digestOnce(session, headBytes);
      } catch (error) {
        if ((error as { code?: unknown }).code !== "ENOENT" || tries >= 5)
          throw error;
      }
    }
  }

  async #digestOnce(
    session: Session,
    headBytes: number,
  ): Promise<{ sha256: string; head: Buffer }> {
    const hash = createHash("sha256");
    const head: Buffer[] = [];
    let headLength = 0;
    for await (const chunk of this.assembled(session)) {
      hash.update(chunk);
      if (headLength < headBytes) {
        head.push(chunk.subarray(0, headBytes - headLength));
        headLength += Math.min(chunk.length, headBytes - headLength);
      }
    }
    return { sha256: hash.digest("hex"), head: Buffer.concat(head) };
  }

  /** Deletes an expired session's files; the session stays so its id answers "expired". */
  async purge(session: Session): Promise<void> {
    if (session.purged) return;
    session.purged = true;
    for (const segment of session.segments.values()) segment.file = undefined;
    await rm(join(this.dir, session.id), { recursive: true, force: true });
  }

  /** Purges every session whose `expiresAt` has passed. */
  async sweep(now = Date.now()): Promise<void> {
    for (const session of this.sessions.values())
      if (now >= session.expiresAt) await this.purge(session);
  }

  /** Forgets every session and deletes their files. */
  async clear(): Promise<void> {
    const ids = [...this.sessions.keys()];
    this.sessions.clear();
    this.#ordinal = 0;
    await Promise.all(
      ids.map((id) => rm(join(this.dir, id), { recursive: true, force: true })),
    );
  }

  /** Deletes the temp dir. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.sessions.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}
