import { ZodError } from "zod";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { checkCredentials } from "@/lib/services/auth/credentials";
import {
  auditEventsFor,
  exportAuditEvents,
  listAuditEvents,
  type AuditEventView,
} from "@/lib/services/audit";
import { auditEventBatches } from "@/lib/services/audit/export-events";
import { auditFilter } from "@/lib/services/audit/conditions";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { ServiceError } from "@/lib/services/base/errors";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
let siteA: { id: string; code: string };
let siteB: { id: string; code: string };
type Person = Awaited<ReturnType<typeof makeUser>>;
let auditorA: Person,
  auditorB: Person,
  managerA: Person,
  requesterA: Person,
  requesterB: Person,
  admin: Person;
const CHANGE_A = "0f6b1f0e-8a53-4d8c-9f43-0d6c1a2b3c4d";
const CHANGE_B = "1f6b1f0e-8a53-4d8c-9f43-0d6c1a2b3c4d";
const PAGED = 23;

/** A change.create payload as the service writes it (lib/audit/events/changes), with only the title varied. */
const created = (number: string, title: string) => ({
  number,
  state: "draft" as const,
  risk: "low" as const,
  type: "security_patch" as const,
  class: "normal" as const,
  title,
  description: "",
  justification: "",
  references: [],
  assetIds: [],
  implementationPlan: "",
  backoutPlan: "",
  testedOnTestBench: false,
  vendorQualified: false,
  testNotes: "",
  expectedDowntimeMinutes: 0,
  productionImpact: "none" as const,
  safetyImpact: "none" as const,
  safetyBypassRequired: false,
  plannedStart: null,
  plannedEnd: null,
  implementerEmail: null,
  followsChangeId: null,
});

async function event(actor: Actor, input: Parameters<typeof appendAudit>[2]) {
  return db.transaction((tx) => appendAudit(tx, actor, input));
}

async function everything(actor: Actor, query: Record<string, unknown> = {}): Promise<AuditEventView[]> {
  const out: AuditEventView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(actor, { ...query, limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: unknown) => (e instanceof ServiceError ? e.code : e instanceof ZodError ? "zod" : String(e)),
  );

beforeAll(async () => {
  db = await useTestDatabase();
  siteA = await makeSite("VWA", "America/Chicago");
  siteB = await makeSite("VWB", "Europe/Berlin");
  auditorA = await makeUser(["VWA:auditor"]);
  auditorB = await makeUser(["VWB:auditor"]);
  managerA = await makeUser(["VWA:change_manager"]);
  requesterA = await makeUser(["VWA:requester"]);
  requesterB = await makeUser(["VWB:requester"]);
  admin = await makeUser([], { isAdmin: true });
  await event(requesterA.actor, {
    action: "change.create",
    objectType: "change",
    objectId: CHANGE_A,
    siteId: siteA.id,
    after: created("CHG-2026-09001", "Patch PLC"),
  });
  await event(requesterA.actor, {
    action: "change.update",
    objectType: "change",
    objectId: CHANGE_A,
    siteId: siteA.id,
    before: { version: 1, title: "Patch PLC" },
    after: { version: 2, title: "Patch PLC-201A" },
  });
  await event(requesterB.actor, {
    action: "change.create",
    objectType: "change",
    objectId: CHANGE_B,
    siteId: siteB.id,
    after: created("CHG-2026-09002", "Secret B"),
  });
  for (let i = 0; i < PAGED; i++)
    await event(requesterA.actor, {
      action: "asset.update",
      objectType: "asset",
      objectId: `A-${i}`,
      siteId: siteA.id,
      before: { version: `${i}` },
      after: { version: `${i + 1}` },
    });
  await checkCredentials(db, "nobody@nowhere.test", "wrong", "10.9.9.9", "sign-in");
  await checkCredentials(db, requesterA.email, "wrong", "10.9.9.9", "sign-in");
});

describe("reading the audit trail", () => {
  it("shows an auditor their sites' events and the sign-ins of their sites' people, nothing of other sites", async () => {
    const seen = await everything(auditorA.actor);
    expect(seen.some((e) => e.siteCode === "VWB")).toBe(false);
    expect(seen.some((e) => e.objectId === CHANGE_B)).toBe(false);
    expect(
      seen
        .filter((e) => e.objectId === CHANGE_A)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["change.create", "change.update"]);
    const logins = seen.filter((e) => e.action === "auth.login").map((e) => e.actorEmail);
    expect(logins).toEqual(expect.arrayContaining([auditorA.email, managerA.email, requesterA.email]));
    expect(logins).not.toContain(requesterB.email);
    expect(logins).not.toContain(admin.email);
    expect(logins).not.toContain(auditorB.email);
    const failed = seen.filter((e) => e.action === "auth.login_failed").map((e) => e.actorEmail);
    expect(failed).toEqual([requesterA.email]);
    const created = seen.filter((e) => e.action === "user.create").map((e) => e.objectId);
    expect(created).toContain(requesterA.id);
    expect(created).not.toContain(requesterB.id);
    expect(seen.find((e) => e.action === "change.update")).toMatchObject({
      siteCode: "VWA",
      timeZone: "America/Chicago",
      actorEmail: requesterA.email,
      actorName: requesterA.name,
      before: { title: "Patch PLC" },
      after: { title: "Patch PLC-201A" },
    });

    const seenB = await everything(auditorB.actor);
    expect(seenB.some((e) => e.siteCode === "VWA")).toBe(false);
    expect(seenB.some((e) => e.objectId === CHANGE_B)).toBe(true);
  });

  it("answers 404 for a site filter the reader cannot see and refuses readers without audit.view", async () => {
    expect(await refusal(listAuditEvents(auditorA.actor, { site: "VWB" }))).toBe("not_found");
    expect(await refusal(listAuditEvents(auditorA.actor, { site: "NOPE" }))).toBe("not_found");
    expect(await refusal(listAuditEvents(requesterA.actor, {}))).toBe("forbidden");
    expect(await refusal(listAuditEvents(requesterA.actor, { site: "VWA" }))).toBe("forbidden");
    expect(await refusal(listAuditEvents(admin.actor, {}))).toBe("forbidden");
    expect(await refusal(exportAuditEvents(requesterA.actor, {}, "csv"))).toBe("forbidden");
    expect(await refusal(exportAuditEvents(managerA.actor, {}, "json"))).toBe("forbidden");
    expect(await refusal(listAuditEvents(managerA.actor, { site: "VWA" }))).toBe("allowed");
  });

  it("filters by site, action, action group, object, actor and period", async () => {
    const bySite = await everything(auditorA.actor, { site: "vwa" });
    expect(bySite.length).toBeGreaterThan(PAGED);
    expect(bySite.every((e) => e.siteCode === "VWA")).toBe(true);

    const logins = await everything(auditorA.actor, { action: "auth.login" });
    expect(logins.length).toBeGreaterThanOrEqual(3);
    expect(logins.every((e) => e.action === "auth.login")).toBe(true);

    const changeGroup = await everything(auditorA.actor, { action: "change." });
    expect(changeGroup.map((e) => e.action).sort()).toEqual(["change.create", "change.update"]);

    const oneChange = await everything(auditorA.actor, { object: `change:${CHANGE_A}` });
    expect(oneChange.map((e) => e.action)).toEqual(["change.update", "change.create"]);
    expect(await everything(auditorA.actor, { objectType: "change", objectId: CHANGE_A })).toEqual(oneChange);
    expect(await everything(auditorA.actor, { object: `change:${CHANGE_B}` })).toEqual([]);
    const assets = await everything(auditorA.actor, { object: "asset" });
    expect(assets).toHaveLength(PAGED);

    const byActor = await everything(auditorA.actor, { actor: requesterA.email.toUpperCase() });
    expect(byActor.length).toBeGreaterThanOrEqual(PAGED + 3);
    expect(byActor.every((e) => e.actorEmail === requesterA.email)).toBe(true);
    expect(await everything(auditorA.actor, { actor: "nobody@nowhere.test" })).toEqual([]);

    const pivot = assets[10]!;
    const from = await everything(auditorA.actor, { object: "asset", from: pivot.at });
    const to = await everything(auditorA.actor, { object: "asset", to: pivot.at });
    expect(from.every((e) => e.at >= pivot.at)).toBe(true);
    expect(to.every((e) => e.at < pivot.at)).toBe(true);
    expect(from.map((e) => e.id)).toContain(pivot.id);
    expect(to.map((e) => e.id)).not.toContain(pivot.id);
    expect(from.length + to.length).toBe(PAGED);
    const within = await everything(auditorA.actor, {
      object: "asset",
      from: assets[15]!.at,
      to: new Date(Date.parse(assets[5]!.at) + 1).toISOString(),
    });
    expect(within.map((e) => e.id)).toEqual(
      assets.filter((e) => e.at >= assets[15]!.at && e.at <= assets[5]!.at).map((e) => e.id),
    );
    expect(within.length).toBeGreaterThanOrEqual(11);
    expect(await everything(auditorA.actor, { from: "2999-01-01T00:00:00Z" })).toEqual([]);
    expect(await everything(auditorA.actor, { to: "2000-01-01T00:00:00Z" })).toEqual([]);
  });

  it("pages newest first and returns every event exactly once", async () => {
    const all = await everything(auditorA.actor);
    const ids: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(auditorA.actor, { limit: "7", cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.map((e) => e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("rejects bad input with clear messages", async () => {
    expect(await refusal(listAuditEvents(auditorA.actor, { limit: "501" }))).toBe("zod");
    expect(await refusal(listAuditEvents(auditorA.actor, { action: "change.explode" }))).toBe("zod");
    expect(await refusal(listAuditEvents(auditorA.actor, { from: "yesterday" }))).toBe("zod");
    expect(
      await refusal(
        listAuditEvents(auditorA.actor, { from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" }),
      ),
    ).toBe("zod");
    expect(await refusal(listAuditEvents(auditorA.actor, { objectId: CHANGE_A }))).toBe("zod");
    expect(await refusal(listAuditEvents(auditorA.actor, { cursor: "not-a-cursor" }))).toBe("invalid");
    expect(
      await refusal(listAuditEvents(auditorA.actor, { cursor: Buffer.from('["x"]').toString("base64url") })),
    ).toBe("invalid");
    expect(await refusal(listAuditEvents(auditorA.actor, { site: "", action: "", limit: "" }))).toBe(
      "allowed",
    );
  });
});

describe("exporting the audit trail", () => {
  it("exports only the exporter's scope as CSV and JSON and records each export", async () => {
    const csv = await exportAuditEvents(auditorA.actor, { action: "change." }, "csv");
    expect(csv).toMatchObject({ contentType: "text/csv; charset=utf-8" });
    expect(csv.filename).toMatch(/^interlock-audit-\d{8}T\d{6}Z\.csv$/);
    const csvText = await new Response(csv.body).text();
    const rows = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.objectId)).toEqual([CHANGE_A, CHANGE_A]);
    expect(csvText).not.toContain("Secret B");
    expect(rows.map((r) => r.actionLabel)).toEqual(["Change edited", "Change created"]);

    const json = await exportAuditEvents(auditorA.actor, { site: "VWA" }, "json");
    expect(json.filename).toMatch(/^interlock-audit-VWA-.*\.json$/);
    const items = JSON.parse(await new Response(json.body).text()) as AuditEventView[];
    expect(items[0]!.id).toBe(json.upToId);
    expect(items.every((e) => e.siteCode === "VWA")).toBe(true);

    const all = JSON.parse(
      await new Response((await exportAuditEvents(auditorA.actor, {}, "json")).body).text(),
    ) as AuditEventView[];
    expect(all.some((e) => e.siteCode === "VWB" || e.objectId === CHANGE_B)).toBe(false);
    expect(await refusal(exportAuditEvents(auditorA.actor, { site: "VWB" }, "csv"))).toBe("not_found");

    const exports = await everything(auditorA.actor, { action: "audit.export" });
    expect(exports).toHaveLength(3);
    expect(exports.every((e) => e.actorEmail === auditorA.email)).toBe(true);
    expect(exports[2]).toMatchObject({
      siteCode: null,
      after: { format: "csv", filter: { action: "change." }, upToId: csv.upToId },
    });
    expect(exports[1]).toMatchObject({ siteCode: "VWA", after: { format: "json", filter: { site: "VWA" } } });
    expect(await everything(auditorB.actor, { action: "audit.export" })).toEqual([]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses an unknown format", async () => {
    expect(await refusal(exportAuditEvents(auditorA.actor, {}, "xml" as "csv"))).toBe("zod");
  });

  it("reads in keyset batches up to the head it started from, each event once", async () => {
    const { where } = await auditFilter(
      db,
      auditorA.actor,
      auditQuerySchema.parse({ object: "asset" }),
      "audit.export",
    );
    const batches = [];
    for await (const b of auditEventBatches(db, where, Number.MAX_SAFE_INTEGER, 4)) batches.push(b);
    const ids = batches.flat().map((e) => e.id);
    expect(batches.every((b) => b.length <= 4)).toBe(true);
    expect(new Set(ids).size).toBe(PAGED);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    const older = [];
    for await (const b of auditEventBatches(db, where, ids[5]!, 4)) older.push(...b);
    expect(older.map((e) => e.id)).toEqual(ids.slice(5));
  });
});

describe("object history", () => {
  it("gives an object's events oldest first to people who can view its site, nothing to others", async () => {
    const history = await auditEventsFor(requesterA.actor, "change", CHANGE_A);
    expect(history.map((e) => e.action)).toEqual(["change.create", "change.update"]);
    expect(await auditEventsFor(requesterB.actor, "change", CHANGE_A)).toEqual([]);
    expect(await auditEventsFor(admin.actor, "change", CHANGE_A)).toEqual([]);
  });
});
