// Retry timing of the job queue: exponential back-off, capped, so a receiver that is down for
// hours is retried about hourly rather than hammered or forgotten.

const BASE_MS = 15_000;
const CAP_MS = 60 * 60_000;

/** Delay before the next try after `attempts` failed tries (1 → 15 s, 2 → 30 s, … ≤ 1 h). */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, attempts);
  return Math.min(CAP_MS, BASE_MS * 2 ** (n - 1));
}

export type FailureOutcome = { state: "queued"; runAt: Date } | { state: "dead" };

/** After a failed try: queued again with back-off, or dead-lettered once out of attempts. */
export function afterFailure(attempts: number, maxAttempts: number, now: Date): FailureOutcome {
  if (attempts >= maxAttempts) return { state: "dead" };
  return { state: "queued", runAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
