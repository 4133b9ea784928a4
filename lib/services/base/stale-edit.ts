import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { isoUtc } from "@/lib/domain/changes";
import { conflict, type ServiceError } from "./errors";

/**
 * What every 409 for an edit based on an old read carries, whatever the object: its version now
 * and who last wrote it, when. Forms show it (lib/http/form-result.ts), API clients re-read.
 */
export interface StaleEditDetails {
  currentVersion: number;
  /** Email of whoever wrote the current version, when known. */
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

export interface Writer {
  email: string | null;
  name: string | null;
}

/** `aliases` keeps a v1 response's older, deprecated field names next to the common ones. */
export function staleEdit(
  message: string,
  current: { version: number; by: Writer | null; at: Date | null },
  aliases: Record<string, unknown> = {},
): ServiceError {
  const details: StaleEditDetails = {
    currentVersion: current.version,
    updatedBy: current.by?.email ?? null,
    updatedByName: current.by?.name ?? null,
    updatedAt: current.at ? isoUtc(current.at) : null,
  };
  return conflict(message, { ...details, ...aliases });
}

/** Who wrote the object last, from its audit trail (for objects that do not record it in the row). */
export async function lastWriter(ex: Executor, objectType: string, objectId: string): Promise<Writer | null> {
  const [ev] = await ex
    .select({ email: auditEvents.actorEmail, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.objectType, objectType), eq(auditEvents.objectId, objectId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return ev ?? null;
}

/**
 * A schedule object (window, production run) written on the strength of an earlier read: refused
 * when its sequence moved since. `expected` undefined: the caller sent no If-Match, nothing checked.
 */
export async function checkSequence(
  ex: Executor,
  object: { type: "window" | "production_run"; noun: string },
  row: { id: string; sequence: number; updatedAt: Date },
  expected: number | undefined,
): Promise<void> {
  if (expected === undefined || expected === row.sequence) return;
  throw staleEdit(
    `Someone else changed this ${object.noun} first; reload it and try again.`,
    { version: row.sequence, by: await lastWriter(ex, object.type, row.id), at: row.updatedAt },
    { currentSequence: row.sequence },
  );
}
