import { z } from "zod";
import { RUN_CRITICALITIES, RUN_KINDS, WINDOW_KINDS } from "@/lib/domain/constants";
import { changed, event, id, instant } from "./define";

/** A window's definition as the people who manage it read it (services/schedule/create-window). */
const window = {
  kind: z.enum(WINDOW_KINDS),
  title: z.string(),
  areaCodes: z.array(z.string()),
  /** Site-local "YYYY-MM-DDTHH:mm". */
  start: z.string(),
  durationMinutes: z.number().int(),
  rrule: z.string().nullable(),
  until: z.string().nullable(),
  cancelledOccurrences: z.array(z.string()),
  timeZone: z.string(),
  summary: z.string(),
};
/** A production run (services/schedule/run-model auditRun): instants and the site's wall clock. */
const run = {
  areaCode: z.string(),
  title: z.string(),
  kind: z.enum(RUN_KINDS),
  criticality: z.enum(RUN_CRITICALITIES),
  start: instant,
  end: instant,
  localStart: z.string(),
  localEnd: z.string(),
};
const windowEdit = event("window", { before: changed(window), after: changed(window) });

/** Maintenance windows, production runs and calendar feeds. */
export const SCHEDULE_EVENTS = {
  "window.create": event("window", { after: z.strictObject(window) }),
  "window.update": windowEdit,
  "window.cancel_occurrence": windowEdit,
  "window.end_series": windowEdit,
  "window.delete": event("window", { before: z.strictObject(window) }),
  "production_run.create": event("production_run", { after: z.strictObject(run) }),
  "production_run.update": event("production_run", { before: changed(run), after: changed(run) }),
  "production_run.delete": event("production_run", { before: z.strictObject(run) }),
  "production_run.import": event("production_run", {
    after: z.strictObject({ count: z.number().int(), runs: z.array(z.strictObject({ id, ...run })) }),
  }),
  "calendar_feed.create": event("calendar_feed", { after: z.strictObject({ userId: id }) }),
  "calendar_feed.revoke": event("calendar_feed"),
};
