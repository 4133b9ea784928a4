import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeListQuery } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { listChanges } from "@/lib/services/changes/list";
import { submitChange } from "@/lib/services/changes/submit";
import type { ChangeListItem } from "@/lib/types/changes";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { HOUR, changeWorld, codeOf, draft, type World } from "./changes-helpers";

let w: World;
const created: { id: string; number: string }[] = [];
const T0 = Date.parse("2030-01-07T00:00:00Z");
let secondEmail = "";

beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
  const second = await makeUser(["PLA:requester", "PLB:requester"], { name: "Second Requester" });
  secondEmail = second.email;
  for (let i = 0; i < 24; i++) {
    const who = i % 5 === 0 ? second : w.people.requester;
    const assetIds =
      i % 4 === 0 ? [w.assets.gxp.id] : i % 4 === 1 ? [w.assets.plc.id, w.assets.plcB.id] : [w.assets.plc.id];
    const start = new Date(T0 + (i % 6) * 24 * HOUR);
    const c = await createChange(
      who.actor,
      draft(w, assetIds, {
        title: i % 3 === 0 ? `Patch historian ${i}` : `Firmware ${i}`,
        type: i % 2 ? "security_patch" : "firmware_update",
        class: i % 7 === 0 ? "emergency" : "normal",
        productionImpact: i % 6 === 0 ? "outage" : "none",
        expectedDowntimeMinutes: i % 6 === 0 ? 300 : 0,
        testedOnTestBench: i % 6 !== 0,
        vendorQualified: i % 6 !== 0,
        // Every fifth change has no slot yet: it sorts last by planned start, in either direction.
        plannedStart: i % 5 === 4 ? null : start.toISOString(),
        plannedEnd: i % 5 === 4 ? null : new Date(start.getTime() + 2 * HOUR).toISOString(),
      }),
    );
    created.push({ id: c.id, number: c.number });
  }
}, 180_000);

async function all(
  actor = w.people.requester.actor,
  query: ChangeListQuery = {},
  limit = 4,
): Promise<ChangeListItem[]> {
  const out: ChangeListItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listChanges(actor, { ...query, limit, cursor });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

// Instants are compared as instants: the API writes a whole millisecond without ".000"
// ("…:01Z" sorts after "…:01.500Z" as text), which made this check fail about once in forty runs.
const instant = (iso: string) => Date.parse(iso);
const sortedBy = <T>(items: T[], key: (t: T) => string | number, dir: "asc" | "desc") =>
  items.every(
    (x, i) => i === 0 || (dir === "asc" ? key(items[i - 1]!) <= key(x) : key(items[i - 1]!) >= key(x)),
  );

describe("listChanges", () => {
  it("pages through every visible row exactly once, in order, for every sort", async () => {
    const everyId = new Set(created.map((c) => c.id));
    for (const sort of ["createdAt", "updatedAt", "plannedStart", "number"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const rows = await all(undefined, { sort, dir });
        expect(rows.map((r) => r.id).sort(), `${sort} ${dir}`).toEqual([...everyId].sort());
        if (sort === "plannedStart") {
          const withSlot = rows.filter((r) => r.plannedStart);
          expect(rows.slice(withSlot.length).every((r) => r.plannedStart === null)).toBe(true);
          expect(sortedBy(withSlot, (r) => instant(r.plannedStart!), dir)).toBe(true);
        } else {
          expect(sortedBy(rows, (r) => (sort === "number" ? r.number : instant(r[sort])), dir)).toBe(true);
        }
      }
    }
  });

  it("filters by site, state, type, class, risk and requester", async () => {
    const plb = await all(undefined, { site: "plb" });
    expect(plb.length).toBeGreaterThan(0);
    expect(plb.every((r) => r.siteCodes.includes("PLB"))).toBe(true);
    expect(plb.some((r) => r.siteCodes.length === 2)).toBe(true);

    const now = await createChange(
      w.people.requester.actor,
      draft(w, [w.assets.plc2.id], { title: "Submitted one" }),
    );
    await submitChange(w.people.requester.actor, now.id);
    created.push({ id: now.id, number: now.number });
    expect((await all(undefined, { state: "submitted" })).map((r) => r.id)).toEqual([now.id]);
    expect((await all(undefined, { state: "draft,submitted" })).length).toBe(created.length);

    const patches = await all(undefined, { type: "security_patch" });
    expect(patches.length).toBe(12);
    expect(patches.every((r) => r.type === "security_patch")).toBe(true);
    expect((await all(undefined, { class: "emergency" })).every((r) => r.class === "emergency")).toBe(true);
    const risky = await all(undefined, { risk: "medium,high" });
    expect(risky.length).toBeGreaterThan(0);
    expect(risky.every((r) => r.risk === "medium" || r.risk === "high")).toBe(true);
    const bySecond = await all(undefined, { requester: secondEmail.toUpperCase() });
    expect(bySecond.length).toBe(5);
    expect(await all(undefined, { requester: "nobody@example.test" })).toEqual([]);
    expect(await all(undefined, { site: "NOPE" })).toEqual([]);
  });

  it("filters by planned-slot overlap with a date range, and by free text or number", async () => {
    const day2 = await all(undefined, {
      from: new Date(T0 + 24 * HOUR).toISOString(),
      to: new Date(T0 + 48 * HOUR).toISOString(),
    });
    expect(day2.length).toBeGreaterThan(0);
    expect(day2.every((r) => r.plannedStart?.startsWith("2030-01-08"))).toBe(true);
    const range = { from: new Date(T0).toISOString(), to: new Date(T0 + 3 * 24 * HOUR).toISOString() };
    const expected = (await all(undefined, range, 100)).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(6);
    for (const sort of ["createdAt", "plannedStart", "number"] as const) {
      const paged = await all(undefined, { ...range, sort, dir: "asc" }, 2);
      expect(paged.map((r) => r.id).sort(), sort).toEqual(expected);
      expect(sortedBy(paged, (r) => (sort === "number" ? r.number : instant(r[sort]!)), "asc")).toBe(true);
    }
    const historian = await all(undefined, { q: "historian" });
    expect(historian.length).toBe(8);
    expect(historian.every((r) => r.title.includes("historian"))).toBe(true);
    const target = created[7]!;
    const short = target.number.replace(/-0+(\d)/, "-$1");
    expect((await all(undefined, { q: short })).map((r) => r.id)).toEqual([target.id]);
    expect((await all(undefined, { q: "50%_" })).length).toBe(0);
    expect((await all(undefined, { q: "%_" })).length).toBe(0);
    expect((await all(undefined, { q: "hist patch" })).length).toBe(8);
  });

  it("shows a multi-site change only to those who see every one of its sites", async () => {
    const rows = await all(w.people.onlyA.actor);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.siteCodes.join() === "PLA")).toBe(true);
    expect(await all(w.people.admin.actor)).toEqual([]);
  });

  it("counts every change by state at each of its sites on the dashboard", async () => {
    const rows = await all(undefined, {}, 100);
    const dash = await changeDashboard(w.people.requester.actor);
    for (const code of ["PLA", "PLB"]) {
      const mine = rows.filter((r) => r.siteCodes.includes(code));
      const site = dash.sites.find((s) => s.siteCode === code)!;
      expect(site.total, code).toBe(mine.length);
      expect(site.counts.draft, code).toBe(mine.filter((r) => r.state === "draft").length);
      expect(site.counts.submitted, code).toBe(mine.filter((r) => r.state === "submitted").length);
    }
    expect((await changeDashboard(w.people.onlyA.actor)).sites.map((s) => [s.siteCode, s.total])).toEqual([
      ["PLA", rows.filter((r) => r.siteCodes.join() === "PLA").length],
    ]);
  });

  it("refuses a bad cursor or sort with a clear 422", async () => {
    expect(await codeOf(listChanges(w.people.requester.actor, { cursor: "garbage" }))).toBe("invalid");
    const page = await listChanges(w.people.requester.actor, { limit: 2, sort: "number" });
    expect(
      await codeOf(
        listChanges(w.people.requester.actor, { limit: 2, sort: "createdAt", cursor: page.nextCursor! }),
      ),
    ).toBe("invalid");
    expect(await codeOf(listChanges(w.people.requester.actor, { sort: "title" as never }))).toBe("invalid");
    expect(await codeOf(listChanges(w.people.requester.actor, { state: "bogus" }))).toBe("invalid");
  });
});

describe("free text", () => {
  // Last in the file: it adds a change that the counts above do not expect.
  it("finds a title by a version or a hyphenated tag in it, whole or by its start", async () => {
    const { requester } = w.people;
    const c = await createChange(requester.actor, {
      ...draft(w, [w.assets.plc.id]),
      title: "Experion R520.2 hotfix 3 on EWS-GCR-01, HiOS 09.2.00",
    });
    for (const q of [
      "Experion R520.2 hotfix 3",
      "R520",
      "r520.2",
      "HiOS 09.2.00",
      "09.2",
      "EWS-GCR-01",
      "ews-gcr",
    ])
      expect(
        (await all(undefined, { q })).map((r) => r.id),
        q,
      ).toEqual([c.id]);
    for (const q of ["R521", "Experion 'x' & !", "\\", "a:* | b"])
      expect(
        (await all(undefined, { q })).map((r) => r.id),
        q,
      ).not.toContain(c.id);
    expect((await all(undefined, { q: "Experion\\ R520" })).map((r) => r.id)).toEqual([c.id]);
  });
});
