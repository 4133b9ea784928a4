import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database folder ${dataDir} is in use by process ${holder.pid} on ${holder.host} ` +
        `(${holder.command}, since ${holder.since}). PGlite allows one process per folder: ` +
        `stop that process, or point INTERLOCK_DATA_DIR at another folder, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/**
 * Takes an exclusive lock on the embedded data folder: two PGlite processes writing one folder
 * silently lose data. The lock file is created atomically (O_EXCL); a lock left by a dead process
 * on this host is taken over. Released when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "interlock.lock");
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command:
      process.argv
        .slice(1, 3)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      const release = () => {
        const current = readHolder(file);
        if (current?.pid === me.pid && current.host === me.host) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid && holder.host === me.host) return () => {};
      if (holder && (holder.host !== me.host || isAlive(holder.pid)))
        throw new DataDirLockedError(dataDir, holder);
      // Stale: the holder died without releasing. Move it aside atomically and retry.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // Another process took it over first; the next attempt will see its lock.
      }
    }
  }
  const holder = readHolder(file);
  throw new DataDirLockedError(
    dataDir,
    holder ?? { pid: -1, host: "unknown", command: "unknown", since: "unknown" },
  );
}
