import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ModelView } from "@/lib/types/catalog";
import { findVisibleModel } from "./internal/load";
import { buildModelView } from "./internal/view";

export async function getModel(actor: Actor, id: string): Promise<ModelView> {
  const db = await getDb();
  return db.transaction(async (tx) => buildModelView(tx, actor, await findVisibleModel(tx, actor, id)));
}
