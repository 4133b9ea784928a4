import "server-only";
import type { Tx } from "@/db/client";
import { changeAssets, changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeRow } from "./load";
import { editableSnapshot } from "./resolve-input";

/**
 * Writes a new change, its assets and its "change.create" event (with `reason` and any extra
 * trail facts, e.g. the temporary change a drafted revert undoes).
 */
export async function insertChange(
  tx: Tx,
  actor: Actor,
  values: typeof changes.$inferInsert,
  assetRows: readonly { id: string; siteId: string }[],
  implementerEmail: string | null,
  extra: { reason?: string; revertsChangeId?: string } = {},
): Promise<ChangeRow> {
  const [row] = await tx.insert(changes).values(values).returning();
  await tx
    .insert(changeAssets)
    .values(assetRows.map((a) => ({ changeId: row!.id, assetId: a.id, siteId: a.siteId })));
  await appendAudit(tx, actor, {
    action: "change.create",
    objectType: "change",
    objectId: row!.id,
    siteId: row!.siteIds[0] ?? null,
    after: {
      number: row!.number,
      state: row!.state,
      risk: row!.risk,
      ...editableSnapshot(
        row!,
        assetRows.map((a) => a.id),
        implementerEmail,
      ),
      ...(extra.revertsChangeId ? { revertsChangeId: extra.revertsChangeId } : {}),
    },
    reason: extra.reason ?? null,
  });
  return row!;
}
