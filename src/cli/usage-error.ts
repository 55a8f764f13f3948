// Errors the CLI itself raises before the library is involved.

/** The command line is wrong (unknown command or flag, missing or malformed value); exit code 2. */
export class UsageError extends Error {
  override name = "UsageError" as const;

  constructor(
    message: string,
    /** The command whose `--help` explains the fix. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** No usable credentials in the environment; exit code 4. */
export class CredentialsError extends Error {
  override name = "CredentialsError" as const;
}
