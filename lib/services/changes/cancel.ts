import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canTransition } from "@/lib/domain/changes";
import { transitionReasonSchema, type TransitionReasonInput } from "@/lib/schemas/changes";
import { conflict } from "@/lib/services/base/errors";
import { requireManage } from "./internal/access";
import { findVisibleChange, loadContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/** Cancels a change any time before implementation starts (draft, submitted, approved). */
export async function cancelChange(
  actor: Actor,
  id: string,
  input: TransitionReasonInput = {},
): Promise<ChangeView> {
  const { reason } = parseInput(transitionReasonSchema, input, "The cancellation");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
    requireManage(actor, locked.siteIds);
    const t = canTransition(locked.state, "cancel");
    if (!t.ok) throw conflict(t.reason);
    const now = currentTime();
    const row = await writeTransition(tx, actor, locked, t.to, "change.cancel", {
      now,
      reason: reason || null,
    });
    return buildChangeView(tx, actor, await loadContext(tx, row), now);
  });
}
