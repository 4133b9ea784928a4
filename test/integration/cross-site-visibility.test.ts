// Issue 8 item 6: a multi-site change, its trail, its calendar entries and its slot proposals are
// visible only to someone who may see every site it touches.
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/services/audit/list-events";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import type { ChangeView } from "@/lib/types/changes";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { calendarIcs } from "@/lib/services/schedule/calendar-ics";
import { proposeSlotsForChange } from "@/lib/services/schedule/propose-slots";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { HOUR, changeWorld, codeOf, draft, sign, type World } from "./changes-helpers";

let w: World;
let multi: ChangeView;
let single: ChangeView;
let people: Record<"auditorA" | "auditorB" | "managerA" | "managerAB", Awaited<ReturnType<typeof makeUser>>>;

beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
  people = {
    auditorA: await makeUser(["PLA:auditor"]),
    auditorB: await makeUser(["PLB:auditor"]),
    managerA: await makeUser(["PLA:change_manager"]),
    managerAB: await makeUser(["PLA:change_manager", "PLB:change_manager"]),
  };
  const req = w.people.requester.actor;
  const m = await createChange(
    req,
    draft(w, [w.assets.plc.id, w.assets.plcB.id], { title: "Two-plant patch" }),
  );
  multi = await submitChange(req, m.id);
  const opsAB = await makeUser(["PLA:operations", "PLB:operations"]);
  await sign(opsAB.actor, multi.id, "operations", { siteCode: "PLA" });
  const s = await createChange(req, draft(w, [w.assets.plc2.id], { title: "One-plant patch" }));
  single = await submitChange(req, s.id);
}, 180_000);

const eventsOf = async (who: keyof typeof people | "auditor", objectId: string, site?: string) => {
  const actor = who === "auditor" ? w.people.auditor.actor : people[who].actor;
  const page = await listAuditEvents(actor, {
    objectType: "change",
    objectId,
    ...(site ? { site } : {}),
    limit: 100,
  });
  return page.items.map((e) => e.action);
};

describe("the trail of a multi-site change", () => {
  it("is visible to auditors and change managers of every site it touches, and to no one of one site only", async () => {
    expect(await eventsOf("auditorA", multi.id)).toEqual([]);
    expect(await eventsOf("auditorB", multi.id)).toEqual([]);
    expect(await eventsOf("managerA", multi.id)).toEqual([]);
    // Filtering by the site an event is filed under does not open a back door.
    expect(await eventsOf("auditorA", multi.id, "PLA")).toEqual([]);
    const all = await eventsOf("auditor", multi.id);
    expect(all).toEqual(expect.arrayContaining(["change.create", "change.submit", "signoff.sign"]));
    expect(await eventsOf("managerAB", multi.id)).toEqual(all);
    // Every site's view of the trail holds the whole story, not only the site it was filed under.
    expect(await eventsOf("auditor", multi.id, "PLB")).toEqual(all);
    expect(await eventsOf("auditor", multi.id, "PLA")).toEqual(all);
  });

  it("leaves single-site changes as they were", async () => {
    expect(await eventsOf("auditorA", single.id)).toEqual(
      expect.arrayContaining(["change.create", "change.submit"]),
    );
    expect(await eventsOf("auditorB", single.id)).toEqual([]);
  });
});

describe("the calendar and the ICS feed", () => {
  const range = () => ({
    site: "PLA",
    from: new Date(Date.now() - 6 * HOUR).toISOString(),
    to: new Date(Date.now() + 24 * HOUR).toISOString(),
  });

  it("show a multi-site change only to someone who may see all its sites", async () => {
    const titles = async (who: "managerA" | "managerAB") =>
      (await calendarData(people[who].actor, range())).changes.map((c) => c.title);
    expect(await titles("managerA")).toEqual(["One-plant patch"]);
    expect((await titles("managerAB")).sort()).toEqual(["One-plant patch", "Two-plant patch"]);

    const icsA = await calendarIcs(people.managerA.actor, "PLA");
    expect(icsA).toContain(single.number);
    expect(icsA).not.toContain(multi.number);
    expect(icsA).not.toContain("Two-plant patch");
    expect(await calendarIcs(people.managerAB.actor, "PLA")).toContain(multi.number);
  });
});

describe("the slot assistant", () => {
  it("treats a multi-site change as not found for someone who sees one of its sites", async () => {
    const plannerA = await makeUser(["PLA:requester"]);
    expect(
      await codeOf(proposeSlotsForChange(plannerA.actor, { changeId: multi.id, durationMinutes: 60 })),
    ).toBe("not_found");
    const slots = await proposeSlotsForChange(w.people.requester.actor, {
      changeId: multi.id,
      durationMinutes: 60,
    });
    expect(slots.durationMinutes).toBe(60);
    expect(
      await codeOf(proposeSlotsForChange(plannerA.actor, { changeId: single.id, durationMinutes: 60 })),
    ).toBe("ok");
  });
});
