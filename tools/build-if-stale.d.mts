/** True when dist/ is missing or older than a source. */
export function isStale(): boolean;
/** Builds dist/ when it is stale; true when it built. */
export function buildIfStale(options?: { quiet?: boolean }): boolean;
/** Builds dist/ and marks the package's bins executable. */
export function build(): void;
