import { z } from "zod";
import { code } from "./common";

const DAY_MS = 86_400_000;
/** A dashboard period longer than this is almost certainly a typo (and an expensive one). */
export const MAX_PERIOD_DAYS = 3 * 366;
export const DEFAULT_PERIOD_DAYS = 90;

const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period bound: a calendar day (UTC, as the date fields send it) or an ISO instant with Z or an
 * offset. A day given as `to` means the end of that day, so "1 Jan to 31 Mar" covers all of March.
 */
const bound = (label: string, endOfDay: boolean) =>
  z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const ok = DATE_ONLY.test(s)
        ? !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
          new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
        : z.iso.datetime({ offset: true }).safeParse(s).success;
      if (!ok)
        ctx.addIssue({
          code: "custom",
          message: `${label} must be a date (2027-03-31) or an ISO 8601 instant with Z or an offset.`,
        });
    })
    .transform((s) =>
      DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + (endOfDay ? DAY_MS : 0)) : new Date(s),
    );

/**
 * The period of the compliance dashboard and the evidence pack: [from, to). Without bounds it is
 * the last 90 days; the site is optional (all sites in the reader's scope).
 */
export const compliancePeriodSchema = z
  .object({
    site: blankIsAbsent(code("Site code").transform((s) => s.toUpperCase())),
    from: blankIsAbsent(bound("From", false)),
    to: blankIsAbsent(bound("To", true)),
  })
  .transform((q, ctx) => {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The period ends before it starts: To must be after From.",
      });
      return z.NEVER;
    }
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: `The period may span at most ${MAX_PERIOD_DAYS} days.`,
      });
      return z.NEVER;
    }
    return { siteCode: q.site ?? null, from, to };
  });

export type CompliancePeriodInput = z.input<typeof compliancePeriodSchema>;
export type CompliancePeriod = z.output<typeof compliancePeriodSchema>;
