import { z } from "zod";
import { DELEGABLE_ROLES } from "@/lib/domain/delegation/rules";
import { event, id, instant } from "./define";

const delegation = z.strictObject({
  delegatorId: id,
  delegatorName: z.string(),
  delegateId: id,
  delegateName: z.string(),
  delegateEmail: z.string(),
  siteCode: z.string(),
  role: z.enum(DELEGABLE_ROLES),
  startDate: z.string(),
  endDate: z.string(),
  startsAt: instant,
  endsAt: instant,
});

/** Lending and ending signing authority (lib/services/delegations); the reason is the delegator's note. */
export const DELEGATION_EVENTS = {
  "delegation.create": event("delegation", { after: delegation }),
  "delegation.revoke": event("delegation", {
    before: delegation,
    after: z.strictObject({ revokedAt: instant, revokedByName: z.string() }),
  }),
};
