import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { endSeriesSchema, type EndSeriesInput } from "@/lib/schemas/schedule";
import { invalid } from "@/lib/services/base/errors";
import { lockedWindowFor } from "./find-window";
import { untilLocal } from "./site-context";
import { writeWindow, type WriteOptions } from "./update-window";
import type { WindowView } from "@/lib/types/schedule";

/** Ends a recurring window after `until` (inclusive, site-local); occurrences before it stay. */
export async function endSeries(
  actor: Actor,
  windowId: string,
  input: EndSeriesInput,
  options: WriteOptions = {},
): Promise<WindowView> {
  const data = endSeriesSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockedWindowFor(tx, actor, windowId, "window.manage");
    if (current.row.rrule === null) {
      throw invalid(
        "This window happens once; there is no series to end. Delete it or change its time instead.",
        [{ path: "until", message: "Only a recurring window has a series to end." }],
      );
    }
    const until = untilLocal(data.until, current.site.timeZone);
    return writeWindow(tx, actor, current, { untilLocal: until }, "window.end_series", options);
  });
}
