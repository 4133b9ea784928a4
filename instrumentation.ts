/**
 * Runs once when the server starts: opens the database (taking the embedded folder's lock and
 * applying migrations), in demo mode seeds the demo plant into an empty database, and starts the
 * hourly audit checkpoints and the job poller (notifications, mail, webhooks, reminders).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/client");
  try {
    await getDb();
  } catch (e) {
    // Next logs a failed instrumentation hook and keeps answering without a database; stop instead.
    console.error(`[interlock] cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { demoMode } = await import("./lib/demo-accounts");
  const { describeDemoSeed, seedDemo } = await import("./lib/seed/demo");
  if (demoMode()) {
    // The first start on an empty database seeds a quarter of history: say what it is doing.
    const result = await seedDemo({
      onPhase: (p) => console.log(`[interlock] seeding the demo plant: ${p}…`),
    });
    if (result.seeded)
      console.log(`[interlock] ${describeDemoSeed(result)} (the sign-in page lists the demo accounts)`);
  }
  const { startHourlyCheckpoints } = await import("./lib/audit/hourly");
  startHourlyCheckpoints();
  const { startJobPoller } = await import("./lib/jobs/poller");
  startJobPoller();
}
