import "server-only";
import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { decodeCursor, encodeCursor, invalidCursor } from "@/lib/services/base/page";

/** Keyset paging newest first on (createdAt, id): the condition for the page after `cursor`. */
export function after(cursor: string | undefined, createdAt: PgColumn, id: PgColumn): SQL | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) return undefined;
  const [at, key] = values;
  if (typeof at !== "string" || typeof key !== "string" || Number.isNaN(Date.parse(at)))
    throw invalidCursor();
  const t = new Date(at);
  return or(lt(createdAt, t), and(eq(createdAt, t), lt(id, key)));
}

export function cursorOf(row: { createdAt: Date; id: string } | undefined, more: boolean): string | null {
  return more && row ? encodeCursor([row.createdAt.toISOString(), row.id]) : null;
}
