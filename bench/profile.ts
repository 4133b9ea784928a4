// CPU profiles of single benchmark phases (BENCH_PROFILE=<dir>), so that seeding does not drown
// the phase being measured; read them with `node bench/top-frames.mjs <file>.cpuprofile`.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

const dir = process.env.BENCH_PROFILE;
let session: Session | null = null;

/** Runs `fn`, under the V8 sampling profiler when BENCH_PROFILE names a folder. */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!dir) return fn();
  if (!session) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
  }
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}`);
  }
}
