import "server-only";
import { asc, eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeLinkView } from "@/lib/types/changes";
import { canViewChange } from "./access";
import type { ChangeRow } from "./load";

/**
 * The failed or rolled-back change this one follows up, and the follow-ups that name this one, in
 * one statement; a linked change at a site the viewer may not see is left out (404 rule).
 */
export async function loadFollowLinks(
  ex: Executor,
  actor: Actor,
  row: Pick<ChangeRow, "id" | "followsChangeId">,
): Promise<{ follows: ChangeLinkView | null; followedBy: ChangeLinkView[] }> {
  const linked = eq(changes.followsChangeId, row.id);
  const rows = await ex
    .select({
      id: changes.id,
      number: changes.number,
      title: changes.title,
      state: changes.state,
      siteIds: changes.siteIds,
      followsChangeId: changes.followsChangeId,
    })
    .from(changes)
    .where(row.followsChangeId ? or(eq(changes.id, row.followsChangeId), linked) : linked)
    .orderBy(asc(changes.createdAt), asc(changes.id));
  const link = ({ id, number, title, state }: (typeof rows)[number]): ChangeLinkView => ({
    id,
    number,
    title,
    state,
  });
  const visible = rows.filter((r) => canViewChange(actor, r.siteIds));
  const follows = visible.find((r) => r.id === row.followsChangeId);
  return {
    follows: follows ? link(follows) : null,
    followedBy: visible.filter((r) => r.followsChangeId === row.id).map(link),
  };
}
