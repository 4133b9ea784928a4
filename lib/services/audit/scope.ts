import "server-only";
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { auditEvents, roleGrants } from "@/db/schema";
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
