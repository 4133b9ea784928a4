import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { expandWindow } from "@/lib/domain/schedule";
import { cancelOccurrenceSchema, type CancelOccurrenceInput } from "@/lib/schemas/schedule";
import { invalid } from "@/lib/services/base/errors";
import { lockedWindowFor } from "./find-window";
import { toInstant } from "./site-context";
import { windowDef } from "./window-model";
import { writeWindow, type WriteOptions } from "./update-window";
import type { WindowView } from "@/lib/types/schedule";

const DAY_MS = 86_400_000;

/**
 * Cancels one occurrence, named by its start: the UTC instant from the occurrence list, or
 * the site-local start. The nominal start is what is kept (RFC 5545 EXDATE), so the
 * cancellation survives renames and is exported to calendar feeds as is.
 */
export async function cancelOccurrence(
  actor: Actor,
  windowId: string,
  input: CancelOccurrenceInput,
  options: WriteOptions = {},
): Promise<WindowView> {
  const data = cancelOccurrenceSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockedWindowFor(tx, actor, windowId, "window.manage");
    const tz = current.site.timeZone;
    const at = toInstant(data.occurrenceStart, tz);
    const local = "local" in data.occurrenceStart ? data.occurrenceStart.local : null;
    const near = expandWindow(
      windowDef(current.row, tz),
      new Date(at.getTime() - 2 * DAY_MS),
      new Date(at.getTime() + 2 * DAY_MS),
    );
    const hit = near.find((o) => o.start.getTime() === at.getTime() || o.recurrenceId === local);
    if (!hit) {
      const message = "This window has no occurrence starting then (it may already be cancelled).";
      throw invalid(message, [{ path: "occurrenceStart", message }]);
    }
    const exdates = [...current.row.exdatesLocal, hit.recurrenceId].sort();
    return writeWindow(
      tx,
      actor,
      current,
      { exdatesLocal: exdates },
      "window.cancel_occurrence",
      options,
      `Cancelled the occurrence of ${hit.localStart}`,
    );
  });
}
