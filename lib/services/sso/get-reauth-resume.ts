import "server-only";
import { and, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reauthRequests } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ReauthResume } from "@/lib/types/sso";

/**
 * What an SSO signer had entered before going to the provider, and why nothing was signed, for
 * the sign dialog to open with it again. Only the signer's own request, on its own change or
 * catalog model (`objectId` is either; ids are UUIDs, so one never names the other).
 */
export async function getReauthResume(
  actor: Actor,
  objectId: string,
  requestId: string | undefined,
): Promise<ReauthResume | null> {
  if (!requestId || !/^[0-9a-f]{64}$/.test(requestId) || !actor.userId) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reauthRequests)
    .where(
      and(
        eq(reauthRequests.id, requestId),
        eq(reauthRequests.userId, actor.userId),
        or(eq(reauthRequests.changeId, objectId), eq(reauthRequests.modelId, objectId)),
      ),
    );
  if (!row || row.outcome === "signed") return null;
  return {
    input: row.input,
    message: row.outcome ?? "The identity provider did not send you back, so nothing was signed.",
  };
}
