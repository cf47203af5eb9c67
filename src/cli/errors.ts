/** A problem the user can fix: printed as one clear message, never as a stack trace. Exit 2. */
export class UsageError extends Error {}
