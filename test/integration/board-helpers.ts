import { expect } from "vitest";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { HOUR, draft, type World } from "./changes-helpers";

/** A submitted high-risk change on the SIS, starting in `hours`: it needs the change board. */
export async function highRiskChange(w: World, title: string, hours: number) {
  const start = Date.now() + hours * HOUR;
  const c = await createChange(
    w.people.requester.actor,
    draft(w, [w.assets.sis.id], {
      title,
      safetyImpact: "yes",
      productionImpact: "outage",
      expectedDowntimeMinutes: 240,
      testedOnTestBench: false,
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(start + 2 * HOUR).toISOString(),
    }),
  );
  expect(c.requiredSignoffs.map((r) => r.role)).toContain("change_board");
  return submitChange(w.people.requester.actor, c.id);
}
