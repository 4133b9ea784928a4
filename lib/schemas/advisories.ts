import "./zod-setup";
import { z } from "zod";
import { CVE_PATTERN, instantSchema } from "./changes";
import { line, requiredLine, text, uuid } from "./common";

/** The largest advisory or KEV catalog accepted; the real catalog is about 1.3 MB, advisories < 200 kB. */
export const MAX_INTAKE_BYTES = 10 * 1024 * 1024;

const calendarDate = (label: string) =>
  z.string({ message: `${label} must be a date (YYYY-MM-DD).` }).regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: `${label} must be a date (YYYY-MM-DD).`,
  });

/** One entry of CISA's KEV catalog, as its published JSON schema has it (extra fields pass). */
export const kevEntrySchema = z.object({
  cveID: z.string().regex(CVE_PATTERN, "cveID must be a CVE id such as CVE-2024-12345."),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: calendarDate("dateAdded"),
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: calendarDate("dueDate"),
  knownRansomwareCampaignUse: z.string(),
  notes: z.string().default(""),
});

export const kevCatalogSchema = z
  .object(
    {
      catalogVersion: z
        .string({ message: "catalogVersion is missing: this is not CISA's KEV catalog." })
        .min(1)
        .max(40),
      dateReleased: z.iso.datetime({ offset: true, message: "dateReleased must be a date and time." }),
      count: z.number({ message: "count is missing: this is not CISA's KEV catalog." }).int().min(0),
      vulnerabilities: z.array(kevEntrySchema, {
        message: "vulnerabilities is missing: this is not CISA's KEV catalog.",
      }),
    },
    {
      message:
        "The file is not CISA's KEV catalog (expected an object with catalogVersion and vulnerabilities).",
    },
  )
  .superRefine((v, ctx) => {
    if (v.count !== v.vulnerabilities.length)
      ctx.addIssue({
        code: "custom",
        path: ["count"],
        message: `count says ${v.count} entries but the file has ${v.vulnerabilities.length}: the file is incomplete.`,
      });
  });
export type KevCatalog = z.output<typeof kevCatalogSchema>;

export const MATCH_DECISIONS = ["affected", "not_affected"] as const;

/** A person settles a match the rules left unknown. */
export const decideMatchSchema = z.object({
  assetId: uuid,
  status: z.enum(MATCH_DECISIONS, { message: "Decide affected or not affected." }),
  reason: requiredLine(1000, "Reason"),
});
export type DecideMatchInput = z.input<typeof decideMatchSchema>;

/** CIP-007 R2: is the advisory applicable at this site? */
export const decideApplicabilitySchema = z.object({
  siteCode: requiredLine(32, "Site"),
  applicable: z.boolean({ message: "Say whether the advisory applies." }),
  reason: requiredLine(1000, "Reason"),
});
export type DecideApplicabilityInput = z.input<typeof decideApplicabilitySchema>;

export const mitigationPlanSchema = z.object({
  siteCode: requiredLine(32, "Site"),
  actions: text(20_000, "Actions").pipe(z.string().trim().min(1, "Describe the mitigating actions.")),
  targetDate: instantSchema,
  approverEmail: z.email({ message: "Name the approver by e-mail address." }),
});
export type MitigationPlanInput = z.input<typeof mitigationPlanSchema>;

export const extendPlanSchema = z.object({
  siteCode: requiredLine(32, "Site"),
  targetDate: instantSchema,
  reason: requiredLine(1000, "Reason"),
  password: z.string().min(1, "Enter your password to sign."),
});
export type ExtendPlanInput = z.input<typeof extendPlanSchema>;

export const ADVISORY_STATUSES = [
  "decision_due",
  "open",
  "mitigated",
  "resolved",
  "not_applicable",
  "no_match",
] as const;
export type AdvisoryStatus = (typeof ADVISORY_STATUSES)[number];

export const advisoryListQuerySchema = z.object({
  site: line(32, "Site").optional(),
  vendor: line(200, "Vendor").optional(),
  status: z.enum(ADVISORY_STATUSES).optional(),
  due: z.enum(["overdue", "next30"]).optional(),
  kev: z.enum(["yes"]).optional(),
  sort: z.enum(["priority", "imported", "released", "due"]).default("priority"),
});
export type AdvisoryListQuery = z.output<typeof advisoryListQuerySchema>;
