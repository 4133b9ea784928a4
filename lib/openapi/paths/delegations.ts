import { z } from "zod";
import { DELEGABLE_ROLES } from "@/lib/domain/delegation/rules";
import {
  createDelegationSchema,
  delegationListSchema,
  revokeDelegationSchema,
} from "@/lib/schemas/delegations";
import { definePaths, instant, named, page } from "../registry";

const delegation = named(
  "Delegation",
  z.object({
    id: z.uuid(),
    delegatorId: z.uuid(),
    delegatorName: z.string().describe("The approver who lends their signing authority"),
    delegateId: z.uuid(),
    delegateName: z.string().describe("The colleague who signs on the approver's behalf"),
    delegateEmail: z.string(),
    siteCode: z.string(),
    siteName: z.string(),
    timeZone: z.string().describe("The site's zone, in which the days are counted"),
    role: z.enum(DELEGABLE_ROLES),
    startDate: z.string().describe("First day (YYYY-MM-DD, at the site)"),
    endDate: z.string().describe("Last day, inclusive (YYYY-MM-DD, at the site)"),
    startsAt: instant.describe("The first day's midnight at the site, in UTC"),
    endsAt: instant.describe("The midnight after the last day at the site, in UTC"),
    reason: z.string(),
    createdAt: instant,
    revokedAt: instant.nullable(),
    revokedByName: z.string().nullable(),
    state: z.enum(["upcoming", "active", "ended", "revoked"]),
  }),
);
const idPath = z.object({ id: z.uuid() });

export default definePaths(
  "delegations",
  {
    "/api/v1/delegations": {
      get: {
        summary: "Delegations of signing authority the caller may see",
        description:
          "The caller's own (given or received), and every delegation at a site where the caller is change manager or auditor. `state=current` (default: in force or upcoming) lists the soonest ending first; `past` and `all` newest first. One page: `nextCursor` is always null.",
        query: delegationListSchema,
        responses: { 200: { description: "The delegations", schema: page(delegation) } },
        errors: [403, 422],
      },
      post: {
        summary: "Delegate the caller's signing authority for one role at one site to a colleague",
        description:
          "For whole days at the site, from today on, at most 366 days. The delegate signs the site's changes for that role on the caller's behalf (the sign-off records both names, and its meaning ends `on behalf of <name>`); the role lets them see the site's changes and sign, nothing else. " +
          "Refused (422, nothing saved) when the delegate is the caller, holds another approving role or the auditor role at the site, already holds the role, when the caller does not hold the role there, when the days are in the past, or overlap another of the caller's delegations for the role and site. " +
          "Separation of duties applies at signing to the delegate and to the approver: a delegate who requested, implements or already signed the change, or an approver whose authority already gave another sign-off on it, is refused (403).",
        body: named("CreateDelegation", createDelegationSchema),
        responses: { 201: { description: "The delegation", schema: delegation } },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/delegations/{id}/revoke": {
      post: {
        summary: "End a delegation now",
        description:
          "By the approver, the delegate, or a change manager of the site. Sign-offs already given under it stay, with both names. 409 when it is already over or ended.",
        path: idPath,
        body: named("RevokeDelegation", revokeDelegationSchema),
        responses: { 200: { description: "The delegation, revoked", schema: delegation } },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
  },
  "Lending signing authority for one role at one site to a colleague while an approver is away (issue 15).",
);
