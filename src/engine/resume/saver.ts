// Keeps a stored session up to date without one write per segment: at most one write in flight, and the next
// one carries every change made meanwhile (write-behind). `saved()` tells a segment when its ack is on disk, so
// the engine hands its slot on only then: a crash re-sends at most the segments in flight (≤ concurrency).
import type { SavedSession, SessionStore } from "../session-store.js";
import type { UploadSession } from "../session.js";
import type { ResumeIdentity } from "./fingerprint.js";

/** Saves one upload's session as it changes; never rejects: a failing store is reported once and then left alone. */
export class SessionSaver {
  #writing: Promise<void> | undefined;
  #dirty = false;
  #failed = false;
  #warned = false;
  // Changes made, and changes a finished write covers; waiters of saved() by the change they wait for.
  #version = 0;
  #savedVersion = 0;
  #waiters: { version: number; resolve: () => void }[] = [];

  constructor(
    private readonly store: SessionStore,
    private readonly id: ResumeIdentity,
    private readonly session: UploadSession,
    private readonly warn: (message: string, cause: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether saving still works. */
  get active(): boolean {
    return !this.#failed;
  }

  /** Schedules a save of the session's current state. */
  changed(): void {
    if (this.#failed) return;
    this.#version += 1;
    this.#dirty = true;
    this.#writing ??= this.#drain();
  }

  /** Resolves once a write covering every change so far has finished (at once if the store failed). */
  saved(): Promise<void> {
    if (this.#failed || this.#savedVersion >= this.#version)
      return Promise.resolve();
    const version = this.#version;
    return new Promise((resolve) => this.#waiters.push({ version, resolve }));
  }

  /** Resolves once every change so far is stored (or the store failed). */
  async flush(): Promise<void> {
    this.changed();
    while (this.#writing) await this.#writing;
  }

  /** Removes the stored session (a finished or rejected upload). */
  async delete(): Promise<void> {
    while (this.#writing) await this.#writing;
    this.#failed = true; // nothing more to save
    this.#wake(() => true);
    try {
      await this.store.delete(this.id.key);
    } catch (error) {
      this.#warnOnce(
        `could not delete the saved session of ${this.id.source}`,
        error,
      );
    }
  }

  async #drain(): Promise<void> {
    try {
      while (this.#dirty && !this.#failed) {
        this.#dirty = false;
        const version = this.#version;
        await this.store.set(this.id.key, this.#snapshot());
        this.#savedVersion = version;
        this.#wake((w) => w.version <= version);
      }
    } catch (error) {
      this.#failed = true;
      this.#wake(() => true);
      this.#warnOnce(
        `could not save the session of ${this.id.source}; this upload goes on but cannot be resumed`,
        error,
      );
    } finally {
      this.#writing = undefined;
    }
  }

  #wake(due: (waiter: { version: number }) => boolean): void {
    const now = this.#waiters.filter(due);
    this.#waiters = this.#waiters.filter((w) => !due(w));
    for (const w of now) w.resolve();
  }

  // One warning per upload: a store that failed once is likely to fail again.
  #warnOnce(message: string, cause: unknown): void {
    if (this.#warned) return;
    this.#warned = true;
    this.warn(message, cause);
  }

  #snapshot(): SavedSession {
    return {
      version: 1,
      key: this.id.key,
      source: this.id.source,
      fingerprint: this.id.fingerprint,
      savedAt: this.now(),
      // A copy: the store may serialise later, while segments keep being acknowledged.
      session: { ...this.session, acked: [...this.session.acked] },
    };
  }
}
