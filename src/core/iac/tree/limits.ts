/** Bounds that keep hostile input (alias bombs, deep nesting, huge files) from hanging or crashing a scan. */
export const LIMITS = {
  /**
   * Nodes materialised from one document beyond those written in it (what aliases and merge keys add).
   * Written nodes are bounded by the file size limit, so a 100,000-resource template is never refused;
   * an alias bomb stops here.
   */
  maxNodes: 2_000_000,
  /** Alias references followed in one document. */
  maxAliases: 10_000,
  /**
   * Nesting depth of collections. A 300-deep `!If` chain is real (generated templates); the whole pipeline
   * handles 700 on Node's default stack, and the YAML library itself stops near 1,000.
   */
  maxDepth: 500,
  /** Parse errors listed per file; the rest are counted in one last entry (a garbled file cannot flood the report). */
  maxErrorsPerFile: 100,
};

/** Thrown when input exceeds LIMITS; becomes a scan error with a clear message. */
export class InputLimitError extends Error {}
