import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { code, line } from "./common";

export const MAX_AUDIT_PAGE = 500;

/** "change", "auth", … — the part of each action before the dot, in list order. */
export const AUDIT_ACTION_GROUPS: string[] = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))];

/** The actions an action filter stands for: itself, or every action of a group written as "change.". */
export function actionsMatching(filter: string): AuditAction[] {
  if (filter.endsWith(".")) return AUDIT_ACTIONS.filter((a) => a.startsWith(filter));
  return AUDIT_ACTIONS.filter((a) => a === filter);
}

// Query strings and GET forms send "" for an untouched field; that means "no filter", not an error.
export const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const instant = (label: string) =>
  z.iso
    .datetime({
      offset: true,
      message: `${label} must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-14T08:00:00Z.`,
    })
    .transform((s) => new Date(s));

/** Page size and cursor of the trail's readers (the explorer, the gate-check log). */
export const auditPaging = {
  limit: blankIsAbsent(
    z.coerce
      .number({ message: "Limit must be a number." })
      .int("Limit must be a whole number.")
      .min(1, "Limit must be at least 1.")
      .max(MAX_AUDIT_PAGE, `Limit may be at most ${MAX_AUDIT_PAGE}.`),
  ).transform((v) => v ?? 50),
  cursor: blankIsAbsent(z.string().max(500, "The cursor is not valid.")),
};

const objectType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "Object type is a word such as change, asset, user or session.");

/**
 * Filters for reading the audit trail, shared by the page, the REST API and the export.
 * `object` is the API's compact form ("change" or "change:<id>"); `objectType`/`objectId`
 * are the same thing as two fields, as the page's filter bar sends them.
 */
export const auditQuerySchema = z
  .object({
    site: blankIsAbsent(code("Site code").transform((s) => s.toUpperCase())),
    object: blankIsAbsent(line(300, "Object")),
    objectType: blankIsAbsent(objectType),
    objectId: blankIsAbsent(line(200, "Object id")),
    ref: blankIsAbsent(line(200, "Object")),
    q: blankIsAbsent(line(200, "Reason text")),
    actor: blankIsAbsent(line(254, "Actor").toLowerCase()),
    action: blankIsAbsent(
      z
        .string()
        .trim()
        .refine(
          (a) => actionsMatching(a).length > 0,
          'Action must be a known action such as "auth.login", or a group such as "change.".',
        ),
    ),
    from: blankIsAbsent(instant("From")),
    to: blankIsAbsent(instant("To")),
    ...auditPaging,
  })
  .transform((q, ctx) => {
    let type = q.objectType;
    let id = q.objectId;
    if (q.object !== undefined) {
      if (type !== undefined || id !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["object"],
          message: "Use either object or objectType/objectId, not both.",
        });
        return z.NEVER;
      }
      const sep = q.object.indexOf(":");
      const parsedType = objectType.safeParse(sep < 0 ? q.object : q.object.slice(0, sep));
      if (!parsedType.success) {
        ctx.addIssue({
          code: "custom",
          path: ["object"],
          message: 'Object is a type ("change") or a type and id ("change:<id>").',
        });
        return z.NEVER;
      }
      type = parsedType.data;
      id = sep < 0 ? undefined : q.object.slice(sep + 1).trim() || undefined;
    }
    if (id !== undefined && type === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["objectType"],
        message: "Choose an object type to search by object id.",
      });
      return z.NEVER;
    }
    if (q.ref !== undefined && (type !== undefined || id !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["ref"],
        message: "Search by a change number, asset tag or id, or by object type and id, not both.",
      });
      return z.NEVER;
    }
    if (q.from && q.to && q.from >= q.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The end of the period must be after its start.",
      });
      return z.NEVER;
    }
    return {
      siteCode: q.site,
      objectType: type,
      objectId: id,
      ref: q.ref,
      reasonText: q.q,
      actorEmail: q.actor,
      action: q.action,
      from: q.from,
      to: q.to,
      limit: q.limit,
      cursor: q.cursor,
    };
  });

export type AuditQueryInput = z.input<typeof auditQuerySchema>;
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
export const auditExportFormatSchema = z.enum(AUDIT_EXPORT_FORMATS, {
  message: 'Format must be "csv" or "json".',
});

/** A period to verify: either end may be open; the end must come after the start. */
export const auditPeriodSchema = z
  .object({ from: blankIsAbsent(instant("From")), to: blankIsAbsent(instant("To")) })
  .refine((p) => !p.from || !p.to || p.from < p.to, {
    path: ["to"],
    message: "The end of the period must be after its start.",
  });
export type AuditPeriodInput = z.input<typeof auditPeriodSchema>;
