// HTTP side of the fleet benchmark: the built portal started as `npm start` starts it, a load
// generator (autocannon) for one caller and for ten, and the CPU time and memory of the server's
// processes read from /proc, so that a figure taken on a loaded machine can be read per request.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `scripts/start.mjs` (which builds first when the sources changed) and waits for health. */
export function startPortal(
  port: number,
  env: Record<string, string | undefined>,
  log: string,
): Promise<Server> {
  return startServer(
    [path.resolve("scripts/start.mjs")],
    { ...env, PORT: String(port) },
    port,
    "/api/v1/health",
    log,
  );
}

/** Starts the floor (bench/floor-server.ts) on its own process, so its CPU time is its own. */
export function startFloorServer(
  routesFile: string,
  port: number,
  env: Record<string, string | undefined>,
  log: string,
) {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const args = [
    tsx,
    "--conditions=react-server",
    path.resolve("bench/floor-server.ts"),
    routesFile,
    String(port),
  ];
  return startServer(args, env, port, "/ready", log);
}

async function startServer(
  args: string[],
  env: Record<string, string | undefined>,
  port: number,
  ready: string,
  log: string,
): Promise<Server> {
  const out = fs.openSync(log, "w");
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30 * 60_000; // a build on a loaded machine takes minutes
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(url + ready)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the portal did not answer in time; see ${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The process and its descendants (start.mjs → server.mjs → Next's workers). */
function tree(pid: number): number[] {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  for (const d of all) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i]) out.push(p);
  return out;
}

const TICK_MS = 1000 / 100; // USER_HZ

/** User + system CPU milliseconds of the process tree so far. */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * TICK_MS;
}

/** Resident and peak resident memory of the tree, MB. */
export function treeMemoryMb(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const p of tree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      /* gone */
    }
  }
  return { rss, peak };
}

export interface Request {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body for every request (e.g. a new asset tag). */
  body?: () => string;
}

export interface HttpFigures {
  p50: number;
  p99: number;
  perSecond: number;
  /** Server CPU per request (ms) over the ten-caller part, when the server's pid is known. */
  cpuPerRequest: number | null;
}

function run(url: string, req: Request, connections: number, amount: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const body = req.body;
    autocannon(
      {
        url: url + req.path,
        method: req.method ?? "GET",
        headers: { ...req.headers, ...(body ? { "content-type": "application/json" } : {}) },
        connections,
        amount,
        timeout: 60,
        ...(body ? { requests: [{ setupRequest: (r: object) => ({ ...r, body: body() }) }] } : {}),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** One caller's latency over `runs` requests (after 3 warm-ups), then ten callers' throughput. */
export async function hit(
  url: string,
  req: Request,
  opts: { runs: number; callers: number; each: number; pid?: number },
): Promise<HttpFigures> {
  await run(url, req, 1, 3);
  const one = await run(url, req, 1, opts.runs);
  const cpu0 = opts.pid ? treeCpuMs(opts.pid) : 0;
  const total = opts.callers * opts.each;
  const t0 = performance.now();
  const many = await run(url, req, opts.callers, total);
  const seconds = (performance.now() - t0) / 1000;
  const bad = one.non2xx + many.non2xx + one.errors + many.errors;
  if (bad) throw new Error(`${req.method ?? "GET"} ${req.path}: ${bad} requests failed or were not 2xx`);
  return {
    p50: one.latency.p50,
    p99: one.latency.p99,
    perSecond: total / seconds,
    cpuPerRequest: opts.pid ? (treeCpuMs(opts.pid) - cpu0) / total : null,
  };
}
