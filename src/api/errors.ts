/** A problem the user can fix: printed as one clear message, never as a stack trace. Exit 2. */
export class UsageError extends Error {}

/** Paths or globs that matched no file: ESLint's "No files matching the pattern", exit 2. */
export class NoInputError extends UsageError {
  constructor(message: string, readonly missing: ReadonlyArray<{ pattern: string; reason: string }>) {
    super(message);
  }
}
