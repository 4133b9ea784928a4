import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { seedDemoAssets } from "@/lib/seed/demo-assets";
import { DEMO_ASSETS } from "@/lib/seed/demo-assets-data";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { cliActor } from "@/lib/auth/resolve";
import { DEMO_AREAS, DEMO_SITES } from "@/lib/demo-accounts";
import { listAssets } from "@/lib/services/assets/list";
import type { AssetView } from "@/lib/services/assets/view";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";

let db: Db;
let all: AssetView[];

beforeAll(async () => {
  db = await useTestDatabase();
  for (const s of DEMO_SITES) {
    await createSite(cliActor(), s);
    for (const a of DEMO_AREAS[s.code] ?? []) await createArea(cliActor(), s.code, a);
  }
  const { created } = await seedDemoAssets(cliActor());
  expect(created).toBe(DEMO_ASSETS.GCR!.length + DEMO_ASSETS.RHP!.length);
  const viewer = await makeUser(["GCR:auditor", "RHP:auditor"]);
  all = (await listAssets(viewer.actor, { limit: 500 })).items;
});

describe("demo asset inventory", () => {
  it("holds about 80 assets at both plants, each audited once, on an intact chain", async () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(all.filter((a) => a.siteCode === "GCR").length).toBeGreaterThan(35);
    expect(all.filter((a) => a.siteCode === "RHP").length).toBeGreaterThan(35);
    const [row] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, "asset.create"));
    expect(row!.n).toBe(all.length);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("covers the vendors whose advisories the plant will match", () => {
    const vendors = new Set(all.map((a) => a.vendor));
    for (const v of [
      "Siemens",
      "Rockwell Automation",
      "Honeywell",
      "Schneider Electric",
      "Emerson",
      "Yokogawa",
      "Moxa",
      "ABB",
      "Hitachi Energy",
      "Phoenix Contact",
      "WAGO",
      "AVEVA",
    ]) {
      expect(all.filter((a) => a.vendor === v).length, v).toBeGreaterThanOrEqual(v === "Siemens" ? 10 : 1);
      expect(vendors).toContain(v);
    }
    expect(all.find((a) => a.modelNumber === "6ES7511-1AL03-0AB0" && a.siteCode === "RHP")).toBeTruthy();
    expect(all.find((a) => a.modelNumber === "1756-L83E" && a.siteCode === "GCR")).toBeTruthy();
  });

  it("models redundant pairs, safety systems, GxP and the DMZ", () => {
    const groups = new Map<string, AssetView[]>();
    for (const a of all)
      if (a.redundancyGroup)
        groups.set(`${a.siteCode}/${a.redundancyGroup}`, [
          ...(groups.get(`${a.siteCode}/${a.redundancyGroup}`) ?? []),
          a,
        ]);
    expect(groups.size).toBeGreaterThanOrEqual(8);
    for (const [g, members] of groups) {
      expect(members.length, g).toBe(2);
      expect(new Set(members.map((m) => `${m.kind}|${m.modelNumber}`)).size, g).toBe(1);
    }
    const sis = all.filter((a) => a.kind === "sis_logic_solver");
    expect(sis.length).toBeGreaterThanOrEqual(8);
    expect(sis.every((a) => a.safetyRelated && a.criticality === "safety_critical")).toBe(true);
    expect(all.filter((a) => a.siteCode === "RHP" && a.gxp).length).toBeGreaterThan(20);
    expect(all.filter((a) => a.siteCode === "GCR" && a.gxp)).toEqual([]);
    expect(all.filter((a) => a.purdueLevel === 3.5 && a.kind === "firewall").length).toBeGreaterThanOrEqual(
      4,
    );
    expect(all.filter((a) => a.kind === "rtu" && a.areaCode === "TF").length).toBeGreaterThanOrEqual(3);
  });

  it("gives every asset a realistic exposure", () => {
    const by = (x: string) => all.filter((a) => a.exposure === x);
    expect(sisExposures()).toEqual(["isolated"]);
    expect(by("plant_network").length).toBeGreaterThan(all.length / 2);
    expect(by("remote_access").map((a) => a.tag)).toEqual(
      expect.arrayContaining(["RTU-TF-01", "HIS-GCR-PIDMZ", "BAS-UTIL-CR1"]),
    );
    expect(
      by("internet_facing")
        .map((a) => a.tag)
        .sort(),
    ).toEqual(["FW-GCR-IT", "FW-RHP-DMZ1", "FW-RHP-DMZ2", "FW-TF-01"]);
    function sisExposures() {
      return [...new Set(all.filter((a) => a.kind === "sis_logic_solver").map((a) => a.exposure))];
    }
  });
});
