import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { findVisibleChange, loadContext } from "./internal/load";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/** The change with its required sign-offs, sign-offs, risk explanation and the actor's available actions; 404 when not visible. */
export async function getChange(actor: Actor, id: string): Promise<ChangeView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findVisibleChange(tx, actor, id);
    return buildChangeView(tx, actor, await loadContext(tx, row));
  });
}
