import { z } from "zod";
import { ACCESS_EVENTS } from "./access";
import { ADVISORY_EVENTS } from "./advisories";
import { CATALOG_EVENTS } from "./catalog";
import { BOARD_EVENTS } from "./board";
import { CHANGE_EVENTS } from "./changes";
import { DELEGATION_EVENTS } from "./delegations";
import type { EventSpec } from "./define";
import { INVENTORY_EVENTS } from "./inventory";
import { NOTIFICATION_EVENTS } from "./notifications";
import { SCHEDULE_EVENTS } from "./schedule";
import { TRAIL_EVENTS } from "./trail";

/**
 * Every kind of audit event, each with its object type and the zod schema of its before/after.
 * To add one: an entry in the area's file here (or a new file spread in below), and its words
 * in ../labels.ts (a Record over AuditAction, so a missing label does not compile).
 */
export const AUDIT_EVENTS = {
  ...ACCESS_EVENTS,
  ...INVENTORY_EVENTS,
  ...CHANGE_EVENTS,
  ...CATALOG_EVENTS,
  ...DELEGATION_EVENTS,
  ...SCHEDULE_EVENTS,
  ...ADVISORY_EVENTS,
  ...NOTIFICATION_EVENTS,
  ...TRAIL_EVENTS,
  ...BOARD_EVENTS,
} satisfies Record<string, EventSpec>;

type Events = typeof AUDIT_EVENTS;
export type AuditAction = keyof Events;
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as [AuditAction, ...AuditAction[]];

/** The stored payload of each kind, discriminated by `action`: `if (p.action === "gate.decision") p.after.reasons`. */
export type AuditPayload = {
  [A in AuditAction]: {
    action: A;
    objectType: Events[A]["objectType"];
    before: z.output<Events[A]["before"]>;
    after: z.output<Events[A]["after"]>;
  };
}[AuditAction];

/** What a caller hands to appendAudit for one kind (a side the kind never records may be left out). */
export type AuditPayloadInput = {
  [A in AuditAction]: {
    action: A;
    objectType: Events[A]["objectType"];
  } & Side<"before", z.input<Events[A]["before"]>> &
    Side<"after", z.input<Events[A]["after"]>>;
}[AuditAction];
type Side<K extends string, T> = null extends T ? { [P in K]?: T } : { [P in K]: T };

export type AuditAfter<A extends AuditAction> = z.output<Events[A]["after"]>;

/** The one discriminated union of event types, for validating a whole event at once. */
export const auditEventSchema = z.discriminatedUnion(
  "action",
  Object.entries(AUDIT_EVENTS).map(([action, spec]) =>
    z.strictObject({
      action: z.literal(action),
      objectType: z.literal(spec.objectType),
      before: spec.before,
      after: spec.after,
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** A stored event read back as its type, or null if it matches none (an event written by an older version). */
export function readAuditPayload(e: { action: string; objectType: string; before: unknown; after: unknown }) {
  const parsed = auditEventSchema.safeParse({
    action: e.action,
    objectType: e.objectType,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return parsed.success ? (parsed.data as AuditPayload) : null;
}
