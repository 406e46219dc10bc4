/** A mistake in how the command was called (unknown option, missing path, unknown rule id): exit status 2. */
export class UsageError extends Error {}
