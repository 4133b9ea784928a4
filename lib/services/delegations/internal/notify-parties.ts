import "server-only";
import type { Tx } from "@/db/client";
import type { SiteRole } from "@/lib/domain/constants";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/domain/site-time";
import { notifyUsers } from "@/lib/services/notifications/internal/deliver";

interface Delegation {
  id: string;
  delegatorId: string;
  delegatorName: string;
  delegateId: string;
  delegateName: string;
  siteId: string;
  siteName: string;
  timeZone: string;
  role: SiteRole;
  startsAt: Date;
  endsAt: Date;
}

const authority = (d: Delegation) =>
  `the signing authority of ${d.delegatorName} as ${ROLE_LABELS[d.role].toLowerCase()} at ${d.siteName}`;
const period = (d: Delegation) =>
  `from ${formatInZone(d.startsAt, d.timeZone)} until ${formatInZone(d.endsAt, d.timeZone)}`;

/**
 * Tells the people concerned, in the delegation's own transaction (notification kind
 * "delegation", per their preference): the delegate when it is made; when it is ended early,
 * the delegate and the approver, except whoever ended it.
 */
export async function notifyDelegationParties(
  tx: Tx,
  d: Delegation,
  event: { kind: "created" } | { kind: "ended"; byId: string; byName: string },
  now: Date,
): Promise<void> {
  const common = {
    kind: "delegation" as const,
    objectType: "delegation" as const,
    objectId: d.id,
    siteId: d.siteId,
    timeZone: d.timeZone,
    dedupeKey: `delegation:${d.id}:${event.kind}`,
  };
  if (event.kind === "created") {
    await notifyUsers(
      tx,
      [d.delegateId],
      {
        ...common,
        title: `${d.delegatorName} delegated their signing authority to you`,
        body: `You hold ${authority(d)} ${period(d)}. While it is in force, changes waiting for that sign-off appear in your approvals and you sign them on behalf of ${d.delegatorName}; both names go on the record.`,
        dueAt: d.endsAt,
        dueLabel: "Delegation ends",
      },
      now,
    );
    return;
  }
  const to = [d.delegateId, d.delegatorId].filter((id) => id !== event.byId);
  await notifyUsers(
    tx,
    to,
    {
      ...common,
      title: "A delegation of signing authority was ended",
      body: `${event.byName} ended the delegation of ${authority(d)} to ${d.delegateName} (${period(d)}). ${d.delegateName} no longer signs on behalf of ${d.delegatorName}; sign-offs already given stay, with both names.`,
    },
    now,
  );
}
