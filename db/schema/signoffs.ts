import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SignoffDecision, SignoffRole } from "@/lib/domain/constants";
import { users } from "./auth";
import { standardModelVersions } from "./catalog";
import { changes } from "./changes";
import { signingDelegations } from "./delegations";
import { sites } from "./sites-assets";
import { temporaryExtensions } from "./temporary-extensions";

/**
 * An electronic signature over a change's approval-relevant content (contentHash), or over a
 * standard change model version's content when the change board approves it for the catalog
 * (exactly one of changeId, modelVersionId and extensionId is set: a change, a model version, or a temporary change's expiry extension). Never deleted.
 */
export const signoffs = pgTable(
  "signoffs",
  {
    id: uuid().primaryKey().defaultRandom(),
    changeId: uuid().references(() => changes.id),
    modelVersionId: uuid().references(() => standardModelVersions.id),
    round: integer().notNull(),
    role: text().$type<SignoffRole>().notNull(),
    siteId: uuid().references(() => sites.id),
    decision: text().$type<SignoffDecision>().notNull(),
    signerId: uuid()
      .notNull()
      .references(() => users.id),
    signerName: text().notNull(),
    signerEmail: text().notNull(),
    meaning: text().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull(),
    comment: text().notNull().default(""),
    /** The full content hash (scope and slot) the signer was shown. */
    contentHash: text().notNull(),
    /** The scope part alone; null on version-1 rows, which recorded only the full hash. */
    scopeHash: text(),
    /** Which fields the hashes cover (lib/domain/changes/content.ts); rows from before version 2 are 1. */
    hashVersion: integer().notNull().default(1),
    retrospective: boolean().notNull().default(false),
    /** Warnings the signer acknowledged to sign (lib/domain/changes/supply-chain.ts), e.g. an unqualified fix. */
    acknowledged: text().array().notNull().default([]),
    /** How the signer proved who they were: their password, or a fresh login at the OIDC provider. */
    method: text().$type<"password" | "oidc-reauth">().notNull().default("password"),
    /** When a delegate signed: the approver whose authority they used (both names are on the record). */
    onBehalfOfId: uuid().references(() => users.id),
    onBehalfOfName: text(),
    delegationId: uuid().references(() => signingDelegations.id),
    /** A sign-off of a temporary change's expiry extension (then neither changeId nor modelVersionId). */
    extensionId: uuid().references(() => temporaryExtensions.id),
    supersededAt: timestamp({ withTimezone: true }),
    supersededReason: text(),
  },
  (t) => [
    index("signoffs_change_idx").on(t.changeId, t.round),
    index("signoffs_signer_idx").on(t.signerId),
    index("signoffs_model_version_idx").on(t.modelVersionId),
    index("signoffs_extension_idx").on(t.extensionId),
    check(
      "signoffs_one_subject",
      sql`num_nonnulls(${t.changeId}, ${t.modelVersionId}, ${t.extensionId}) = 1`,
    ),
  ],
);
