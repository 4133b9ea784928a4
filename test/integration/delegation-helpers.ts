import { DateTime } from "luxon";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import type { DelegableRole } from "@/lib/domain/delegation/rules";
import { createDelegation } from "@/lib/services/delegations/create-delegation";

/** A day at the plant (America/Chicago), `offset` days from the services' clock, as the form takes it. */
export const plantDay = (offset: number) =>
  DateTime.fromJSDate(currentTime()).setZone("America/Chicago").plus({ days: offset }).toISODate()!;

/** `from` lends `role` at the plant (PLA) to `to` for plant days `first`..`last` from today. */
export function lend(
  from: { actor: Actor },
  to: { email: string },
  role: DelegableRole,
  first: number,
  last: number,
) {
  return createDelegation(from.actor, {
    delegateEmail: to.email,
    siteCode: "PLA",
    role,
    startDate: plantDay(first),
    endDate: plantDay(last),
  });
}
