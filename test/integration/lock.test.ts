import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/db/lock";

const ROOT = path.resolve(__dirname, "..", "..");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) {
    if (!c.pid || c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interlock-lock-"));
  dirs.push(dir);
  return dir;
}

/** Starts `npx tsx test/lock-holder.ts dir` in its own process group and resolves with the pid that holds the lock. */
function holdInAnotherProcess(dir: string): Promise<{ child: ChildProcess; holderPid: number }> {
  const child = spawn("npx", ["tsx", path.join(ROOT, "test", "lock-holder.ts"), dir], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /locked (\d+)/.exec(out);
      if (m) resolve({ child, holderPid: Number(m[1]) });
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once("exit", () => r()));
}

describe("embedded data folder lock", () => {
  it("refuses a second process, naming the folder and the holder's pid", async () => {
    const dir = tempDir();
    const { holderPid } = await holdInAnotherProcess(dir);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const locked = error as DataDirLockedError;
    expect(locked.message).toContain(dir);
    expect(locked.message).toContain(`process ${holderPid}`);
    expect(locked.holder.pid).toBe(holderPid);
    expect(holderPid).not.toBe(process.pid);
  }, 60_000);

  it("takes over a lock whose holder died without releasing it", async () => {
    const dir = tempDir();
    const { child, holderPid } = await holdInAnotherProcess(dir);
    // SIGKILL: no exit handler runs, so the lock file stays behind naming a dead pid.
    process.kill(-child.pid!, "SIGKILL");
    await exited(child);
    await expect.poll(() => isAlive(holderPid), { timeout: 20_000 }).toBe(false);
    const file = path.join(dir, "interlock.lock");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(holderPid);

    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);

  it("takes over a lock file left by a process that no longer exists", () => {
    const dir = tempDir();
    const file = path.join(dir, "interlock.lock");
    const dead = spawnSyncDeadPid();
    fs.writeFileSync(
      file,
      JSON.stringify({ pid: dead, host: os.hostname(), command: "old", since: "2020-01-01T00:00:00Z" }),
    );
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    release();
  });
});

/** Runs a command to its end with the embedded database in `dir`, collecting its exit code and stderr. */
function runToExit(args: string[], dir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn("npx", args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, INTERLOCK_DATA_DIR: dir, DATABASE_URL: "", NEXT_RUNTIME: "nodejs" },
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.once("exit", (code) => r({ code, stderr })));
}

describe("a second process on a locked folder stops with the reason", () => {
  it("the command line exits non-zero naming the holder", async () => {
    const dir = tempDir();
    const { holderPid } = await holdInAnotherProcess(dir);
    const { code, stderr } = await runToExit(
      ["tsx", "--conditions=react-server", "lib/cli/main.ts", "audit:verify"],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`in use by process ${holderPid}`);
  }, 90_000);

  // The server's start-up hook (instrumentation.ts, which Next runs before serving) in a child
  // process: the code path a second `npm start` takes, without a production build per test run.
  it("the server's start-up exits non-zero naming the holder instead of serving without a database", async () => {
    const dir = tempDir();
    const { holderPid } = await holdInAnotherProcess(dir);
    const { code, stderr } = await runToExit(["tsx", "--conditions=react-server", "test/start-hook.ts"], dir);
    expect(code).toBe(1);
    expect(stderr).toContain("[interlock] cannot start");
    expect(stderr).toContain(`in use by process ${holderPid}`);
  }, 90_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A pid that surely belongs to no live process: one of a child that has already exited. */
function spawnSyncDeadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid;
}
