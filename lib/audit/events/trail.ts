import { z } from "zod";
import { event, instant } from "./define";

/** The trail's own events: who took it away, and backups of the database that holds it. */
export const TRAIL_EVENTS = {
  "audit.export": event("audit", {
    after: z.union([
      // A CSV/JSON export of a filtered view, up to the head at its start.
      z.strictObject({
        format: z.enum(["csv", "json"]),
        filter: z.strictObject({
          site: z.string().optional(),
          objectType: z.string().optional(),
          objectId: z.string().optional(),
          ref: z.string().optional(),
          reasonText: z.string().optional(),
          actor: z.string().optional(),
          action: z.string().optional(),
          from: instant.optional(),
          to: instant.optional(),
        }),
        upToId: z.number().int(),
      }),
      // An export of the gate-check log (dry runs of the gate, kept beside the chain).
      z.strictObject({
        kind: z.literal("gate_checks"),
        format: z.enum(["csv", "json"]),
        filter: z.strictObject({
          site: z.string().optional(),
          change: z.string().optional(),
          actor: z.string().optional(),
          answer: z.enum(["allowed", "refused"]).optional(),
          from: instant.optional(),
          to: instant.optional(),
        }),
        upToId: z.number().int(),
      }),
      // An evidence pack for a site (or every site in scope) and a period.
      z.strictObject({
        kind: z.literal("evidence_pack"),
        site: z.string().nullable(),
        sites: z.array(z.string()),
        from: instant,
        to: instant,
        records: z.number().int(),
      }),
    ]),
  }),
  "database.backup": event("database"),
};
