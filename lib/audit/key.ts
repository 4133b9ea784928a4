import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/client";

export interface AuditKey {
  key: Buffer;
  /** Names the key in each checkpoint without revealing it. */
  id: string;
}

const globalForKey = globalThis as unknown as { __interlockAuditKey?: AuditKey | null };

function keyOf(secret: string): AuditKey {
  const key = Buffer.from(secret, "utf8");
  return { key, id: createHash("sha256").update(key).digest("hex").slice(0, 16) };
}

/**
 * The checkpoint key, kept outside the database: INTERLOCK_AUDIT_KEY, else (embedded database only)
 * a key generated once into the data folder beside the auth secret. PostgreSQL without the variable
 * has no key: a key stored where the database administrator keeps the data would protect nothing.
 * An in-memory database (tests) gets a key for the life of the process, like its data.
 */
export function auditKey(): AuditKey | null {
  if (globalForKey.__interlockAuditKey !== undefined) return globalForKey.__interlockAuditKey;
  const fromEnv = process.env.INTERLOCK_AUDIT_KEY?.trim();
  let found: AuditKey | null = null;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("INTERLOCK_AUDIT_KEY must be at least 32 characters long.");
    found = keyOf(fromEnv);
  } else if (!process.env.DATABASE_URL) {
    if (process.env.INTERLOCK_DATA_DIR === "memory://") {
      found = keyOf(randomBytes(32).toString("base64url"));
    } else {
      const dir = dataDir();
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, "audit-key");
      if (!fs.existsSync(file))
        fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
      found = keyOf(fs.readFileSync(file, "utf8").trim());
    }
  }
  globalForKey.__interlockAuditKey = found;
  return found;
}

/** Forgets the cached key (tests switch databases and keys within one process). */
export function resetAuditKey(): void {
  globalForKey.__interlockAuditKey = undefined;
}
