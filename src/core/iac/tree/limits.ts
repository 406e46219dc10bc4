/** Bounds that keep hostile input (alias bombs, deep nesting, huge files) from hanging or crashing a scan. */
export const LIMITS = {
  /** Nodes materialised from one document, aliases expanded. A 5,000-resource template has ~200k. */
  maxNodes: 2_000_000,
  /** Alias references followed in one document. */
  maxAliases: 10_000,
  /** Nesting depth of collections. */
  maxDepth: 200,
};

/** Thrown when input exceeds LIMITS; becomes a scan error with a clear message. */
export class InputLimitError extends Error {}
