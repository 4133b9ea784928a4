import "server-only";
// A signature approves the content its signer was shown (21 CFR 11.70): the hash the signer
// sends back must equal the content's hash now, else nothing is signed and the signer is told
// who edited the change since they opened it, and when.
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { contentHash, isoUtc } from "@/lib/domain/changes";
import { ServiceError } from "@/lib/services/base/errors";
import type { ChangeContext } from "./load";

export const STALE_CONTENT_TYPE = "https://interlock.invalid/problems/stale-content";

async function lastEdit(tx: Tx, changeId: string) {
  const [event] = await tx
    .select({ at: auditEvents.at, email: auditEvents.actorEmail, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.objectType, "change"),
        eq(auditEvents.objectId, changeId),
        eq(auditEvents.action, "change.update"),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event ?? null;
}

/** Throws the 409 stale-content refusal when `shown` is not the content's hash now. */
export async function requireShownContent(tx: Tx, ctx: ChangeContext, shown: string): Promise<void> {
  const current = contentHash(ctx.content);
  if (shown === current) return;
  const edit = await lastEdit(tx, ctx.row.id);
  const who = edit?.name ?? edit?.email ?? null;
  const by = who ? ` by ${who}` : "";
  const when = edit ? ` at ${isoUtc(edit.at)}` : "";
  throw new ServiceError(
    "conflict",
    `${ctx.row.number} was edited since you opened it${by}${when}; nothing was signed. Reload the change, review the new content and sign again.`,
    {
      type: STALE_CONTENT_TYPE,
      refusal: "stale_content",
      currentContentHash: current,
      currentVersion: ctx.row.version,
      updatedBy: edit?.email ?? null,
      updatedByName: edit?.name ?? null,
      updatedAt: edit ? isoUtc(edit.at) : null,
    },
  );
}
