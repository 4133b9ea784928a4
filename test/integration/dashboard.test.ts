import { beforeAll, describe, expect, it } from "vitest";
import { cliActorAs } from "@/lib/auth/resolve";
import { seedDemo } from "@/lib/seed/demo";
import { approverPanel } from "@/lib/services/dashboard/approver-panel";
import { changeTrends } from "@/lib/services/dashboard/change-trends";
import { implementerPanel } from "@/lib/services/dashboard/implementer-panel";
import { managerPanel } from "@/lib/services/dashboard/manager-panel";
import { requesterPanel } from "@/lib/services/dashboard/requester-panel";
import { useTestDatabase } from "../db";

const NOW = new Date("2026-12-02T15:00:00Z");
const as = (email: string) => cliActorAs(email);

beforeAll(async () => {
  await useTestDatabase();
  await seedDemo({ now: NOW });
}, 600_000);

describe("the dashboards per role on the demo plant", () => {
  it("shows a requester their own changes, what blocks each, and the next windows", async () => {
    const p = (await requesterPanel(await as("dana.ruiz@gcr.demo"), NOW))!;
    expect(p.open.length).toBeGreaterThan(3);
    const roc = p.open.find((c) => c.title.startsWith("ROC800"))!;
    expect(roc.blockers).toEqual(["Waiting for the operations sign-off (GCR)"]);
    // A started or implemented change says what comes next, not "Slot opens" at a time already past.
    const byState = (s: string) => p.open.find((c) => c.state === s)!;
    expect(byState("in_progress").blockers).toEqual([
      "Being implemented: the implementer records the outcome",
    ]);
    expect(byState("implemented").blockers).toEqual([
      "Implemented: waiting for the post-implementation review and closure",
    ]);
    expect(p.open.every((c) => c.siteCodes.includes("GCR"))).toBe(true);
    // The outage window open now comes first, then the first Saturday (5 December) and the weekly window.
    expect(p.nextWindows.map((w) => w.title).slice(0, 3)).toEqual([
      "HTU exchanger E-204 outage",
      "Monthly extended maintenance (first Saturday)",
      "Weekly maintenance window",
    ]);
    // Not a requester: no requester panel.
    expect(await requesterPanel(await as("grace.okafor@corp.demo"), NOW)).toBeNull();
    expect(await requesterPanel(await as("elena.brooks@gcr.demo"), NOW)).toBeNull();
  });

  it("shows an approver what waits for them, the oldest first, and what they signed", async () => {
    const p = (await approverPanel(await as("marcus.hale@gcr.demo"), NOW))!;
    expect(p.waiting).toBeGreaterThan(0);
    expect(p.oldest!.waitingSince <= p.items.at(-1)!.waitingSince).toBe(true);
    expect(p.recentlySigned.length).toBeGreaterThan(0);
    expect(p.recentlySigned.every((s) => s.role === "operations")).toBe(true);
    expect(await approverPanel(await as("dana.ruiz@gcr.demo"), NOW)).toBeNull();
  });

  it("shows an implementer their change in progress and the gate's answer for what is due", async () => {
    const p = (await implementerPanel(await as("ray.castillo@gcr.demo"), NOW))!;
    expect(p.inProgress.map((c) => c.title)).toEqual(["DeltaV 14.3.1 hotfix on HTU controller A"]);
    for (const c of p.upcoming) expect(c.gate.reasons.every((r) => typeof r.message === "string")).toBe(true);
    expect(await implementerPanel(await as("marcus.hale@gcr.demo"), NOW)).toBeNull();
  });

  it("shows a change manager the week ahead at their site only, and conflicts", async () => {
    const p = (await managerPanel(await as("elena.brooks@gcr.demo"), NOW))!;
    expect(p.sites.map((s) => s.siteCode)).toEqual(["GCR"]);
    // Day ticks at the refinery's midnights (CST is UTC-6).
    expect(p.sites[0]!.days[0]).toEqual({ at: "2026-12-03T06:00:00.000Z", label: "Thu 3" });
    const kinds = new Set(p.sites[0]!.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(["change", "maintenance", "run"]);
    expect(p.sites[0]!.items.some((i) => i.title.includes("DeltaV 14.3.1 hotfix"))).toBe(true);
    expect(await managerPanel(await as("marcus.hale@gcr.demo"), NOW)).toBeNull();
  });

  it("counts changes started per week by class over twelve weeks, only at the sites one sees", async () => {
    const all = await changeTrends(await as("grace.okafor@corp.demo"), NOW);
    const gcr = await changeTrends(await as("elena.brooks@gcr.demo"), NOW);
    expect(all.weeks).toHaveLength(12);
    const total = (t: typeof all) =>
      t.weeks.reduce((n, w) => n + w.started.normal + w.started.standard + w.started.emergency, 0);
    expect(total(gcr)).toBeGreaterThan(5);
    expect(total(all)).toBeGreaterThan(total(gcr));
    expect(all.weeks.some((w) => w.started.emergency > 0)).toBe(true);
    expect(all.weeks.some((w) => (w.medianLeadDays ?? 0) > 1)).toBe(true);
  });
});
