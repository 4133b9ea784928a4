import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { loadVisibleContext } from "./internal/load-one";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/**
 * The change with its required sign-offs, sign-offs, risk explanation and the actor's available
 * actions; 404 when not visible. A read outside a transaction (it would add BEGIN and COMMIT and
 * no consistency: each statement reads committed data either way).
 */
export async function getChange(actor: Actor, id: string): Promise<ChangeView> {
  const db = await getDb();
  return buildChangeView(db, actor, await loadVisibleContext(db, actor, id));
}
