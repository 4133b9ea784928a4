import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { SiteRole } from "@/lib/domain/constants";
import type { TokenScope } from "@/lib/domain/token-scopes";
import { sites } from "./sites-assets";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  /** Null for an account made by single sign-on, which has no password of its own. */
  passwordHash: text(),
  isAdmin: boolean().notNull().default(false),
  disabledAt: timestamp({ withTimezone: true }),
  failedLoginCount: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const roleGrants = pgTable(
  "role_grants",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    role: text().$type<SiteRole>().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid().references(() => users.id),
    /** "manual": granted in Interlock and kept; "idp": from the provider's claims, replaced at each sign-in. */
    source: text().$type<"manual" | "idp">().notNull().default("manual"),
    /** For an IdP grant, the claim that gave it (e.g. "groups=ot-safety-gcr"). */
    idpClaim: text(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.siteId, t.role] }),
    index("role_grants_site_idx").on(t.siteId, t.role),
  ],
);

/**
 * A signed-in browser session; the next-auth JWT only carries its secret, so revocation is
 * immediate. `id` is the SHA-256 of that secret: a copy of this table opens no session.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
    /** How the session was opened; an electronic signature re-verifies the same way. */
    authMethod: text().$type<"password" | "oidc">().notNull().default("password"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every sign-in attempt, for per-account and per-address rate limits shared by all app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    email: text().notNull(),
    ip: text().notNull(),
    success: boolean().notNull(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    tokenPrefix: text().notNull(),
    /** What the token may do (lib/domain/token-scopes.ts); tokens from before scopes keep "read write". */
    scopes: text().array().$type<TokenScope[]>().notNull().default(["read", "write"]),
    /** The token this one was created with, if any: revoking the parent revokes it too. */
    parentTokenId: uuid().references((): AnyPgColumn => apiTokens.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId), index("api_tokens_parent_idx").on(t.parentTokenId)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    status: integer().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
