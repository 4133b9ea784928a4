import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { line } from "@/lib/schemas/common";
import { checkSequence } from "@/lib/services/base/stale-edit";
import { auditFields } from "./create-window";
import { lockedWindowFor } from "./find-window";
import { windowView } from "./window-model";
import type { WriteOptions } from "./update-window";

const reasonSchema = line(500, "Reason").optional();

/** Soft delete: the row stays for the trail and for changes that were planned against it. */
export async function deleteWindow(
  actor: Actor,
  windowId: string,
  options: WriteOptions & { reason?: string } = {},
): Promise<{ id: string; deleted: true }> {
  const reason = reasonSchema.parse(options.reason) || null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, site } = await lockedWindowFor(tx, actor, windowId, "window.manage");
    await checkSequence(tx, { type: "window", noun: "window" }, row, options.expectedSequence);
    await tx
      .update(windows)
      .set({ deletedAt: currentTime(), sequence: row.sequence + 1, updatedAt: currentTime() })
      .where(eq(windows.id, row.id));
    await appendAudit(tx, actor, {
      action: "window.delete",
      objectType: "window",
      objectId: row.id,
      siteId: site.id,
      before: auditFields(windowView(row, site)),
      reason,
    });
    return { id: row.id, deleted: true as const };
  });
}
