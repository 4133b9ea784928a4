import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { SiteRole } from "@/lib/domain/constants";
import type { ReauthResume } from "@/lib/types/sso";
import { users } from "./auth";
import { standardModels } from "./catalog";
import { changes } from "./changes";
import { sites } from "./sites-assets";

/** A user's account at an OpenID Connect provider: users are found by (issuer, subject), never by email. */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** The email the provider gave when the identity was linked (for the administrator's eyes only). */
    emailAtLink: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.issuer, t.subject] }),
    unique("user_identities_user_issuer").on(t.userId, t.issuer),
  ],
);

/** "Who has claim value V (e.g. group ot-safety-gcr) gets ROLE at SITE", applied on every SSO sign-in. */
export const idpRoleMappings = pgTable(
  "idp_role_mappings",
  {
    id: uuid().primaryKey().defaultRandom(),
    claim: text().notNull(),
    value: text().notNull(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    role: text().$type<SiteRole>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id),
  },
  (t) => [unique("idp_role_mappings_rule").on(t.claim, t.value, t.siteId, t.role)],
);

/**
 * A role the provider's claims would give an administrator's own account: held back until a
 * second administrator approves it (separation of duties), then granted as an IdP grant.
 */
export const idpGrantApprovals = pgTable(
  "idp_grant_approvals",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    role: text().$type<SiteRole>().notNull(),
    claim: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
    decision: text().$type<"approved" | "declined" | "withdrawn">(),
  },
  (t) => [index("idp_grant_approvals_user_idx").on(t.userId, t.siteId, t.role)],
);

/** What an SSO signer entered before being sent to re-authenticate at the provider; one use. */
export const reauthRequests = pgTable(
  "reauth_requests",
  {
    /** SHA-256 of the OAuth state sent to the provider. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** What is signed: a change's sign-off, or the change board's signature on a catalog model. */
    changeId: uuid().references(() => changes.id),
    modelId: uuid().references(() => standardModels.id),
    input: jsonb().$type<ReauthResume["input"]>().notNull(),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
    outcome: text(),
  },
  (t) => [
    index("reauth_requests_user_idx").on(t.userId, t.createdAt),
    check("reauth_requests_one_target_ck", sql`(${t.changeId} is null) <> (${t.modelId} is null)`),
  ],
);
