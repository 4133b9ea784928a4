import "server-only";
import { and, arrayOverlaps, eq, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, changes, roleGrants, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Site-less events about a person carry that person's user id as the object of these types. */
const PERSON_OBJECT_TYPES = ["user", "session"];

/**
 * Which events a reader with the given site scope may see.
 *
 * An event at a site is visible when the site is in the scope. An event without a site (sign-in,
 * failed sign-in, lockout, sign-out, user administration, personal tokens, exports) is visible
 * only when the person it concerns — its actor, or the user a user/session event is about — holds
 * a role today at one of the scope's sites, or is the reader. An auditor audits the people of their
 * plants: the sign-ins of administrators without site roles, of other plants' staff, and of emails
 * that match no account stay hidden, because nothing ties them to the auditor's sites. The rule uses
 * today's grants, so a person's site-less history leaves the view when their last role there is revoked.
 */
export function visibleTo(actor: Actor, siteIds: string[]): SQL {
  const people = sql`(select ${roleGrants.userId} from ${roleGrants} where ${inArray(roleGrants.siteId, siteIds)})`;
  const peopleText = sql`(select ${roleGrants.userId}::text from ${roleGrants} where ${inArray(roleGrants.siteId, siteIds)})`;
  const self = actor.userId;
  const aboutPeople = and(
    inArray(auditEvents.objectType, PERSON_OBJECT_TYPES),
    or(sql`${auditEvents.objectId} in ${peopleText}`, self ? eq(auditEvents.objectId, self) : undefined),
  );
  return or(
    inArray(auditEvents.siteId, siteIds),
    and(
      isNull(auditEvents.siteId),
      or(
        sql`${auditEvents.actorId} in ${people}`,
        self ? eq(auditEvents.actorId, self) : undefined,
        aboutPeople,
      ),
    ),
  )!;
}

/**
 * Events of a multi-site change are visible only to a reader who may see every site the change
 * touches, as the change itself is: they name the other site's assets, people and decisions. An
 * event is filed under one of the change's sites, so without this a reader of that one site
 * would see the whole story. Only changes straddling a visible and a hidden site are affected,
 * a short list; a reader who sees every site gets no extra condition.
 */
export async function multiSiteChangeGuard(ex: Executor, siteIds: string[]): Promise<SQL | undefined> {
  const shown = new Set(siteIds);
  const hidden = (await ex.select({ id: sites.id }).from(sites))
    .map((s) => s.id)
    .filter((id) => !shown.has(id));
  if (hidden.length === 0 || siteIds.length === 0) return undefined;
  const straddling = sql`(select ${changes.id}::text from ${changes} where ${and(
    arrayOverlaps(changes.siteIds, hidden),
    arrayOverlaps(changes.siteIds, siteIds),
  )})`;
  return not(and(eq(auditEvents.objectType, "change"), sql`${auditEvents.objectId} in ${straddling}`)!);
}

/**
 * The events filed at a site, and those of the multi-site changes that touch it (filed under
 * another of their sites), so that every site's auditors find a change's whole history.
 */
export function atSite(siteId: string): SQL {
  const multiSite = sql`(select ${changes.id}::text from ${changes} where ${changes.siteIds} @> array[${siteId}]::uuid[] and cardinality(${changes.siteIds}) > 1)`;
  return or(
    eq(auditEvents.siteId, siteId),
    and(eq(auditEvents.objectType, "change"), sql`${auditEvents.objectId} in ${multiSite}`),
  )!;
}
