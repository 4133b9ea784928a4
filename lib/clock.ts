/**
 * The instant services and the audit trail take as "now". It is the wall clock, except inside
 * `withClock`, where a caller supplies the instants: the demo seed builds a quarter of history
 * through the services by setting the clock back, so every rule (a slot already over, a sign-off
 * past its deadline) is applied as it would have been at that moment. Rules in lib/domain never
 * read it; they take `now` as a parameter.
 *
 * A process-wide setting rather than an AsyncLocalStorage: the embedded database runs transaction
 * callbacks from its own queue, where an async context is lost. The seed runs in a CLI process or
 * in the start-up hook, which the server awaits before it answers any request, so nothing else
 * reads the clock meanwhile.
 */
let clock: (() => Date) | null = null;

export function currentTime(): Date {
  return clock ? new Date(clock().getTime()) : new Date();
}

/** Runs `fn` with `source` as every service's "now"; one at a time. */
export async function withClock<T>(source: () => Date, fn: () => Promise<T>): Promise<T> {
  if (clock) throw new Error("A clock is already set");
  clock = source;
  try {
    return await fn();
  } finally {
    clock = null;
  }
}
