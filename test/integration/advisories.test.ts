import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { advisories, advisoryRevisions, assets, auditEvents, changes, sites } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { cliActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { decideApplicability } from "@/lib/services/advisories/decide-applicability";
import { decideMatch } from "@/lib/services/advisories/decide-match";
import { draftChanges } from "@/lib/services/advisories/draft-changes";
import { extendMitigationPlan } from "@/lib/services/advisories/extend-plan";
import { getAdvisory } from "@/lib/services/advisories/get";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { importKevCatalog } from "@/lib/services/advisories/import-kev";
import { advisoriesForAsset } from "@/lib/services/advisories/for-asset";
import { listAdvisories } from "@/lib/services/advisories/list";
import { overdueAdvisories } from "@/lib/services/advisories/list-overdue";
import { recordMitigationPlan } from "@/lib/services/advisories/record-plan";
import { getChange } from "@/lib/services/changes/get";
import { useTestDatabase } from "../db";
import { PASSWORD, makeUser } from "../fixtures";
import { csaf, kevText, nextRevision } from "./advisories-helpers";

let security: Actor, requester: Actor, manager: Actor, managerEmail: string, auditor: Actor;

const auditCount = async (action: string) => {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, action as never));
  return row?.n ?? 0;
};

beforeAll(async () => {
  await useTestDatabase();
  // The inventory is what intake matches against; the demo's history and advisories are not needed.
  await seedDemo({ plantOnly: true });
  security = (await makeUser(["GCR:security", "RHP:security"], { name: "Sam Security" })).actor;
  requester = (await makeUser(["GCR:requester", "RHP:requester"], { name: "Rae Requester" })).actor;
  const m = await makeUser(["GCR:change_manager"], { name: "Mia Manager" });
  manager = m.actor;
  managerEmail = m.email;
  auditor = (await makeUser(["GCR:auditor"])).actor;
}, 120_000);

describe("advisory import", () => {
  it("imports, matches demo assets at both plants, and re-import changes nothing", async () => {
    const first = await importAdvisory(security, csaf("icsa-24-018-01"));
    expect(first.outcome).toBe("created");
    expect(first.advisory).toMatchObject({ trackingId: "ICSA-24-018-01", revision: "1" });
    expect(first.advisory.cves.sort()).toEqual(["CVE-2023-31274", "CVE-2023-34348"]);
    const affected = first.matches.filter((m) => m.status === "affected");
    expect(affected.map((m) => `${m.siteCode}/${m.asset.tag}`).sort()).toEqual([
      "GCR/HIS-GCR-PI",
      "GCR/HIS-GCR-PIDMZ",
      "RHP/HIS-RHP-PIDMZ",
    ]);
    for (const m of first.matches) expect(m.reason).toMatch(/\w/);

    const events = await auditCount("advisory.import");
    const again = await importAdvisory(security, csaf("icsa-24-018-01"));
    expect(again.outcome).toBe("unchanged");
    expect(again.advisory.id).toBe(first.advisory.id);
    expect(await auditCount("advisory.import")).toBe(events);
    const db = await getDb();
    const [revs] = await db
      .select({ n: count() })
      .from(advisoryRevisions)
      .where(eq(advisoryRevisions.advisoryId, first.advisory.id));
    expect(revs?.n).toBe(1);
  });

  it("a newer revision updates the advisory, keeps the old one and says what changed", async () => {
    const doc = csaf("icsa-24-018-01");
    const updated = await importAdvisory(security, nextRevision(doc));
    expect(updated.outcome).toBe("updated");
    expect(updated.delta?.newCves).toEqual(["CVE-2024-99001"]);
    expect(updated.delta?.newRemediations.join("\n")).toMatch(/Disable the affected service/);
    expect(updated.delta?.newProducts).toEqual([]);
    const detail = await getAdvisory(security, updated.advisory.id);
    expect(detail.revision).toBe("2");
    expect(detail.revisions.map((r) => r.revision)).toEqual(["1", "2"]);
    expect(detail.cves.map((c) => c.cve)).toContain("CVE-2024-99001");
    // The older revision is refused now, and nothing changes.
    await expect(importAdvisory(security, doc)).rejects.toMatchObject({ code: "conflict" });
    expect((await getAdvisory(security, updated.advisory.id)).revision).toBe("2");
  });

  it("only a security approver (or the command line) imports", async () => {
    await expect(importAdvisory(requester, csaf("icsa-23-206-03"))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(importKevCatalog(auditor, JSON.parse(kevText()))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("known-exploited catalog", () => {
  it("marks an advisory's CVEs after the catalog import; the same version again changes nothing", async () => {
    const { advisory } = await importAdvisory(cliActor(), csaf("icsa-21-357-02"));
    const before = await getAdvisory(security, advisory.id);
    expect(before.knownExploited).toBe(false);
    const catalog = JSON.parse(kevText());
    const result = await importKevCatalog(security, catalog);
    expect(result).toMatchObject({ catalogVersion: "2025.08.25", count: 1404, changed: true });
    const after = await getAdvisory(security, advisory.id);
    expect(after.knownExploited).toBe(true);
    const marked = after.cves.find((c) => c.knownExploited)!;
    expect(marked.knownExploited).toMatchObject({ dateAdded: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(marked.knownExploited!.requiredAction).toMatch(/\w/);
    expect((await importKevCatalog(security, catalog)).changed).toBe(false);
    expect((await listAdvisories(security, { kev: "yes" })).map((a) => a.trackingId)).toContain(
      "ICSA-21-357-02",
    );
  });

  it("a newer catalog updates the marks; an older one is refused", async () => {
    const catalog = JSON.parse(kevText());
    const newer = { ...catalog, catalogVersion: "2025.09.01", dateReleased: "2025-09-01T12:00:00.000Z" };
    newer.vulnerabilities = catalog.vulnerabilities.filter(
      (v: { cveID: string }) => v.cveID !== "CVE-2021-44228",
    );
    newer.count = newer.vulnerabilities.length;
    const r = await importKevCatalog(security, newer);
    expect(r).toMatchObject({ changed: true, removed: 1, added: 0 });
    await expect(importKevCatalog(security, catalog)).rejects.toMatchObject({ code: "conflict" });
    const [row] = await (
      await getDb()
    )
      .select()
      .from(advisories)
      .where(eq(advisories.trackingId, "ICSA-21-357-02"));
    const detail = await getAdvisory(security, row!.id);
    expect(detail.cves.find((c) => c.cve === "CVE-2021-44228")?.knownExploited ?? null).toBeNull();
  });
});

describe("decisions, drafts and clocks", () => {
  it("an unknown match is decided by a person, with a reason, audited", async () => {
    const { advisory, matches } = await importAdvisory(security, csaf("icsa-23-012-08"));
    const unknown = matches.find((m) => m.status === "unknown")!;
    expect(unknown).toBeTruthy();
    await expect(
      decideMatch(requester, advisory.id, { assetId: unknown.assetId, status: "affected", reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await decideMatch(security, advisory.id, {
      assetId: unknown.assetId,
      status: "not_affected",
      reason: "Vendor confirmed our order number is not affected.",
    });
    const detail = await getAdvisory(security, advisory.id);
    const decided = detail.matches.find((m) => m.assetId === unknown.assetId)!;
    expect(decided).toMatchObject({ status: "not_affected", ruleStatus: "unknown" });
    expect(decided.decision?.reason).toMatch(/Vendor confirmed/);
    const affected = matches.find((m) => m.status === "affected")!;
    await expect(
      decideMatch(security, advisory.id, { assetId: affected.assetId, status: "not_affected", reason: "no" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await auditCount("advisory.match_decide")).toBe(1);
  });

  it("drafts one change per affected site with the right assets and CVEs, linked both ways; again drafts nothing", async () => {
    const db = await getDb();
    const [row] = await db.select().from(advisories).where(eq(advisories.trackingId, "ICSA-24-018-01"));
    const result = await draftChanges(requester, row!.id);
    expect(result.changes).toHaveLength(2);
    const tagsOf = async (ids: string[]) =>
      (await db.select({ tag: assets.tag }).from(assets).where(inArray(assets.id, ids)))
        .map((a) => a.tag)
        .sort();
    const bySite = new Map<string, (typeof result.changes)[number]>();
    for (const c of result.changes) {
      const [site] = await db
        .select({ code: sites.code })
        .from(sites)
        .where(eq(sites.id, (await db.select().from(changes).where(eq(changes.id, c.id)))[0]!.siteIds[0]!));
      bySite.set(site!.code, c);
    }
    expect(await tagsOf(bySite.get("GCR")!.assetIds)).toEqual(["HIS-GCR-PI", "HIS-GCR-PIDMZ"]);
    expect(await tagsOf(bySite.get("RHP")!.assetIds)).toEqual(["HIS-RHP-PIDMZ"]);
    for (const c of result.changes) {
      expect(c.state).toBe("draft");
      expect(c.type).toBe("security_patch");
      expect(c.references).toEqual(
        expect.arrayContaining(["ICSA-24-018-01", "CVE-2023-34348", "CVE-2023-31274"]),
      );
      expect(c.implementationPlan).toMatch(/2023 Patch 1/);
    }
    // The change links back to its advisory…
    for (const c of result.changes)
      expect((await getChange(requester, c.id)).advisories).toEqual([
        { id: row!.id, trackingId: "ICSA-24-018-01", title: row!.title },
      ]);
    // …and the advisory says which change covers which asset, in which state.
    const detail = await getAdvisory(requester, row!.id);
    expect(detail.changes.map((c) => c.number).sort()).toEqual(result.changes.map((c) => c.number).sort());
    for (const c of result.changes)
      expect(detail.changes.find((d) => d.changeId === c.id)).toMatchObject({
        state: "draft",
        assetIds: expect.arrayContaining(c.assetIds),
      });
    expect(detail.sites.every((s) => s.applicable === true)).toBe(true);
    const again = await draftChanges(requester, row!.id);
    expect(again.changes).toHaveLength(0);
    expect(again.skipped.map((s) => s.siteCode).sort()).toEqual(["GCR", "RHP"]);
    expect(await auditCount("advisory.draft_changes")).toBe(1);
    expect(await auditCount("change.create")).toBeGreaterThanOrEqual(2);
  });

  it("clocks come due 35 days after import, then 35 days after the decision; a plan is dated and extended by signature", async () => {
    const { advisory } = await importAdvisory(security, csaf("icsa-23-227-01"));
    const [row] = await (await getDb()).select().from(advisories).where(eq(advisories.id, advisory.id));
    const imported = row!.importedAt;
    const day = 86_400_000;
    const at = (days: number) => new Date(imported.getTime() + days * day);
    const gcr = async (now: Date) =>
      (await getAdvisory(security, advisory.id, now)).sites.find((s) => s.siteCode === "GCR")!;
    expect((await gcr(at(34))).clock).toMatchObject({ status: "decision_due", overdue: false });
    expect((await gcr(at(35.01))).clock).toMatchObject({ status: "decision_due", overdue: true });
    expect((await listAdvisories(security, { due: "overdue" }, at(36))).map((a) => a.trackingId)).toContain(
      "ICSA-23-227-01",
    );
    // The dashboard's overdue list and the asset page show the same clock.
    expect((await overdueAdvisories(security, at(34))).map((a) => a.trackingId)).not.toContain(
      "ICSA-23-227-01",
    );
    expect((await overdueAdvisories(security, at(36))).map((a) => a.trackingId)).toContain("ICSA-23-227-01");
    const match = (await getAdvisory(security, advisory.id, at(36))).matches.find(
      (m) => m.siteCode === "GCR" && m.status !== "not_affected",
    )!;
    const onAsset = (await advisoriesForAsset(security, match.assetId, at(36))).find(
      (a) => a.trackingId === "ICSA-23-227-01",
    );
    expect(onAsset?.clock).toMatchObject({ status: "decision_due", overdue: true });

    await decideApplicability(security, advisory.id, {
      siteCode: "GCR",
      applicable: true,
      reason: "Boilers run it.",
    });
    const decided = await gcr(new Date());
    expect(decided.clock.status).toBe("open");
    const due = decided.clock.due!.at.getTime() - decided.decidedAt!.getTime();
    expect(Math.abs(due - 35 * day)).toBeLessThanOrEqual(3_600_000); // 35 days on the plant's clock (DST: ±1 h)

    const target = new Date(Date.now() + 60 * day);
    await expect(
      recordMitigationPlan(security, advisory.id, {
        siteCode: "GCR",
        actions: "Block port 44818 at the cell firewall.",
        targetDate: target.toISOString(),
        approverEmail: "nobody@example.test",
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await recordMitigationPlan(security, advisory.id, {
      siteCode: "GCR",
      actions: "Block port 44818 at the cell firewall.",
      targetDate: target.toISOString(),
      approverEmail: managerEmail,
    });
    expect((await gcr(new Date())).clock).toMatchObject({ status: "mitigated", overdue: false });
    expect((await gcr(new Date(target.getTime() + 1000))).clock.overdue).toBe(true);

    const later = new Date(target.getTime() + 30 * day).toISOString();
    await expect(
      extendMitigationPlan(security, advisory.id, {
        siteCode: "GCR",
        targetDate: later,
        reason: "Vendor late",
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      extendMitigationPlan(manager, advisory.id, {
        siteCode: "GCR",
        targetDate: later,
        reason: "Vendor late",
        password: "wrong",
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    // An extension is an electronic signature: through the API it needs a token with the sign scope.
    await expect(
      extendMitigationPlan({ ...manager, scopes: ["read", "write"] }, advisory.id, {
        siteCode: "GCR",
        targetDate: later,
        reason: "Vendor late",
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await extendMitigationPlan(manager, advisory.id, {
      siteCode: "GCR",
      targetDate: later,
      reason: "Vendor late",
      password: PASSWORD,
    });
    expect((await gcr(new Date())).plan?.targetDate.toISOString()).toBe(new Date(later).toISOString());
    for (const action of ["advisory.applicability", "advisory.mitigation_plan", "advisory.plan_extend"])
      expect(await auditCount(action), action).toBe(1);
  });

  it("an auditor sees advisories but cannot decide", async () => {
    const list = await listAdvisories(auditor);
    expect(list.length).toBeGreaterThan(0);
    const db = await getDb();
    const [row] = await db
      .select()
      .from(advisories)
      .where(and(eq(advisories.trackingId, "ICSA-23-227-01")));
    await expect(
      decideApplicability(auditor, row!.id, { siteCode: "GCR", applicable: false, reason: "no" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
