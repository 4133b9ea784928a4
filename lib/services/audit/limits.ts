/** An export holds at most this many events, the newest first; narrow the period to reach older ones. */
export const MAX_EXPORT_ROWS = 100_000;
