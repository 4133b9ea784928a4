// The compliance dashboard against a scenario whose answers are worked out by hand below.
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { changes, signoffs } from "@/db/schema";
import { createAsset } from "@/lib/services/assets/create";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { exportEvidence } from "@/lib/services/compliance/export-evidence";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
import type { ComplianceReport } from "@/lib/types/compliance";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { readZip } from "./zip";
import {
  CHECKED_IMAGE,
  HOUR,
  changeWorld,
  codeOf,
  draft,
  errorOf,
  sign,
  type World,
} from "./changes-helpers";

let db: Db;
let w: World;
const ids: Record<string, { id: string; number: string }> = {};
const period = () => ({
  from: new Date(Date.now() - 24 * HOUR).toISOString(),
  to: new Date(Date.now() + 24 * HOUR).toISOString(),
});
// Four days on: the emergency change's 72-hour retrospective deadline has passed.
const later = () => new Date(Date.now() + 80 * HOUR);

/** Operations of the site and security approve: all a normal or emergency change here needs before its start. */
async function signOpsAndSecurity(id: string, site: "PLA" | "PLB" = "PLA") {
  const { opsA, opsB, securityA, securityB } = w.people;
  await sign((site === "PLA" ? opsA : opsB).actor, id, "operations", { siteCode: site });
  return sign((site === "PLA" ? securityA : securityB).actor, id, "security");
}

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  const { requester, implementer, opsA, securityA } = w.people;

  // A: normal change on PLC-101, signed, started, completed and closed.
  const a = await createChange(
    requester.actor,
    draft(w, [w.assets.plc.id], { title: "A: signed and closed" }),
  );
  await submitChange(requester.actor, a.id);
  await signOpsAndSecurity(a.id);
  await startChange(implementer.actor, a.id);
  await completeChange(implementer.actor, a.id, { outcome: "success", integrity: CHECKED_IMAGE });
  await closeChange(implementer.actor, a.id, { securityControlsVerified: true, baselineUpdated: true });
  ids.a = a;

  // B: signed, then an edit supersedes both sign-offs, which are given again before the start.
  const b = await createChange(
    requester.actor,
    draft(w, [w.assets.plc2.id], { title: "B: re-signed after an edit", type: "security_patch" }),
  );
  await submitChange(requester.actor, b.id);
  await sign(opsA.actor, b.id, "operations", { siteCode: "PLA" });
  const approved = await sign(securityA.actor, b.id, "security");
  expect(approved.state).toBe("approved");
  const edited = await updateChange(
    requester.actor,
    b.id,
    { description: "Apply the vendor's patch, with the hotfix." },
    approved.version,
  );
  expect(edited.state).toBe("submitted");
  expect(edited.signoffs.filter((s) => s.superseded)).toHaveLength(2);
  await signOpsAndSecurity(b.id);
  await startChange(implementer.actor, b.id);
  ids.b = b;

  // C: emergency change on the GxP filler at PLB; quality's retrospective sign-off never comes.
  const c = await createChange(
    requester.actor,
    draft(w, [w.assets.gxp.id], { title: "C: emergency", class: "emergency" }),
  );
  await submitChange(requester.actor, c.id);
  await signOpsAndSecurity(c.id, "PLB");
  await startChange(implementer.actor, c.id);
  ids.c = c;

  // D: submitted but never signed; the gate refuses a start, then someone writes the table directly.
  const d = await createChange(requester.actor, draft(w, [w.assets.sis.id], { title: "D: tampered" }));
  await submitChange(requester.actor, d.id);
  expect((await errorOf(startChange(implementer.actor, d.id))).code).toBe("gate_refused");
  await db.update(changes).set({ state: "in_progress", actualStart: new Date() }).where(eq(changes.id, d.id));
  ids.d = d;
}, 240_000);

const report = (site?: string) =>
  getCompliance(w.people.auditor.actor, { ...period(), ...(site ? { site } : {}) }, later());
const numbers = (r: ComplianceReport, figure: string) =>
  (r.figures[figure] ?? []).map((id) => r.changes[id]!.number).sort();
const num = (k: string) => ids[k]!.number;

describe("compliance figures for a hand-worked scenario", () => {
  it("counts starts from the trail and lists the tampered change as a mismatch (site PLA)", async () => {
    const r = await report("PLA");
    // The trail started A and B at PLA, both with every sign-off (B's second set); D has no start event.
    expect(r.started.total).toBe(2);
    expect(r.started.withAllSignoffs).toBe(2);
    expect(numbers(r, "started")).toEqual([num("a"), num("b")].sort());
    expect(r.started.mismatches).toEqual([
      expect.objectContaining({ number: num("d"), kind: "no_start_event", trailAt: null }),
    ]);
    expect(numbers(r, "started.mismatch")).toEqual([num("d")]);
    // One real start attempt refused, for D: no sign-offs and not approved.
    expect(r.gateRefusals.total).toBe(1);
    const codes = Object.fromEntries(r.gateRefusals.byReason.map((b) => [b.key, b.count]));
    expect(codes).toMatchObject({ signoff_missing: 1, not_approved: 1 });
    expect(numbers(r, "refusal.signoff_missing")).toEqual([num("d")]);
    // The table shows A, B and D started: two firmware updates and one security patch.
    expect(r.byType.map((b) => [b.key, b.count])).toEqual([
      ["security_patch", 1],
      ["firmware_update", 2],
    ]);
    expect(r.byOutcome.map((b) => [b.key, b.count])).toEqual([
      ["success", 1],
      ["none", 2],
    ]);
    expect(numbers(r, "outcome.success")).toEqual([num("a")]);
    expect(r.emergency.total).toBe(0);
    expect(r.baselineLate.total).toBe(0);
    expect(r.awaitingPssr.total).toBe(0);
    // A, B approved in the period (B twice, counted once with its last approval); A and B started by the gate.
    expect(r.leadTimes.submitToApproved.count).toBe(2);
    expect(r.leadTimes.approvedToStarted.count).toBe(2);
  });

  it("shows the emergency change's quality sign-off overdue (site PLB)", async () => {
    const r = await report("PLB");
    expect(r.started).toMatchObject({ total: 1, withAllSignoffs: 1, mismatches: [] });
    expect(r.emergency.total).toBe(1);
    expect(r.emergency.retrospective).toEqual({ on_time: 0, late: 0, overdue: 1, pending: 0 });
    expect(r.emergency.items).toEqual([
      expect.objectContaining({ number: num("c"), role: "quality", status: "overdue", signedAt: null }),
    ]);
    expect(numbers(r, "emergency.overdue")).toEqual([num("c")]);
  });

  it("adds up every site in scope", async () => {
    const r = await report();
    expect(r.sites).toEqual(["PLA", "PLB"]);
    expect(r.started.total).toBe(3);
    expect(r.started.withAllSignoffs).toBe(3);
    expect(r.started.mismatches.map((m) => m.number)).toEqual([num("d")]);
    expect(r.byType.find((b) => b.key === "firmware_update")?.count).toBe(3);
  });

  it("judges a start without its sign-offs from the trail, even when the table says otherwise", async () => {
    // E is started properly; then the signatures are marked superseded in the sign-off table
    // only. The trail still holds them unsuperseded, so the trail's answer does not move.
    const { requester, implementer } = w.people;
    const e = await createChange(requester.actor, draft(w, [w.assets.plc.id], { title: "E" }));
    await submitChange(requester.actor, e.id);
    await signOpsAndSecurity(e.id);
    await startChange(implementer.actor, e.id);
    await db.execute(sql`update signoffs set superseded_at = now() where change_id = ${e.id}`);
    const r = await report("PLA");
    expect(r.started.total).toBe(3);
    expect(r.started.withAllSignoffs).toBe(3);
    expect((await getChange(w.people.auditor.actor, e.id)).signoffs.every((s) => s.superseded)).toBe(true);
  });

  it("catches a start whose signature was forged into the sign-off table", async () => {
    // F: operations signs for real; a security "signature" is inserted straight into the table
    // and the change marked approved there, so the gate (which reads the tables) opens.
    const { requester, implementer, opsA, securityA } = w.people;
    const mixer = await createAsset(requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "PLC-103",
      name: "Mixer",
      kind: "plc",
      criticality: "supporting",
    });
    const f = await createChange(requester.actor, draft(w, [mixer.id], { title: "F: forged" }));
    await submitChange(requester.actor, f.id);
    await sign(opsA.actor, f.id, "operations", { siteCode: "PLA" });
    const [real] = await db.select().from(signoffs).where(eq(signoffs.changeId, f.id));
    await db.insert(signoffs).values({
      changeId: f.id,
      round: 1,
      role: "security",
      decision: "approve",
      signerId: securityA.id,
      signerName: "Sam Security",
      signerEmail: securityA.email,
      meaning: "Approved for IT/OT security",
      signedAt: new Date(),
      contentHash: real!.contentHash,
      scopeHash: real!.scopeHash,
      hashVersion: real!.hashVersion,
    });
    await db.update(changes).set({ state: "approved", approvedAt: new Date() }).where(eq(changes.id, f.id));
    await startChange(implementer.actor, f.id);
    const r = await report("PLA");
    expect(r.started.total).toBe(4);
    expect(r.started.withAllSignoffs).toBe(3);
    expect(r.started.withoutSignoffs).toEqual([
      expect.objectContaining({ number: f.number, problems: ["Security sign-off missing"] }),
    ]);
    expect(numbers(r, "started.without")).toEqual([f.number]);
  });
});

describe("compliance: bad input and who may read it", () => {
  it("answers 422 for malformed and reversed periods, 404 for unknown sites", async () => {
    const auditor = w.people.auditor.actor;
    expect(await codeOf(getCompliance(auditor, { from: "yesterday" }))).toBe("invalid");
    expect(await codeOf(getCompliance(auditor, { from: "2026-02-30" }))).toBe("invalid");
    expect(await codeOf(getCompliance(auditor, { from: "2026-03-01", to: "2026-02-01" }))).toBe("invalid");
    expect(await codeOf(getCompliance(auditor, { from: "2020-01-01", to: "2026-01-01" }))).toBe("invalid");
    expect(await codeOf(getCompliance(auditor, { site: "NOPE" }))).toBe("not_found");
    expect(await codeOf(getCompliance(auditor, { site: "bad code!" }))).toBe("invalid");
    expect(await codeOf(getCompliance(auditor, { from: "2026-01-01", to: "2026-03-31" }))).toBe("ok");
  });

  it("refuses readers without the trail role, and hides sites they cannot see", async () => {
    expect(await codeOf(getCompliance(w.people.requester.actor, {}))).toBe("forbidden");
    const auditorA = await makeUser(["PLA:auditor"]);
    expect(await codeOf(getCompliance(auditorA.actor, { site: "PLB" }))).toBe("not_found");
    const r = await getCompliance(auditorA.actor, period(), later());
    expect(r.sites).toEqual(["PLA"]);
    expect(r.emergency.total).toBe(0);
    const opsAndAuditor = await makeUser(["PLA:auditor", "PLB:operations"]);
    expect(await codeOf(getCompliance(opsAndAuditor.actor, { site: "PLB" }))).toBe("forbidden");
  });
});

describe("evidence pack", () => {
  it("zips the figures, the records, the period's trail and the verification, with matching SHA-256 sums", async () => {
    const pack = await exportEvidence(w.people.auditor.actor, { ...period(), site: "PLA" }, later());
    const files = await readZip(Buffer.from(await new Response(pack.body).arrayBuffer()));
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as {
      files: { path: string; sha256: string }[];
    };
    const listed = manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual([...files.keys()].filter((p) => p !== "manifest.json").sort());
    for (const f of manifest.files)
      expect(createHash("sha256").update(files.get(f.path)!).digest("hex"), f.path).toBe(f.sha256);
    // Records of every change started or closed at PLA in the period: A, B, D (table), E, F.
    const records = listed.filter((p) => p.startsWith("records/"));
    expect(records).toEqual(expect.arrayContaining([`records/${num("a")}.pdf`, `records/${num("d")}.pdf`]));
    expect(records).toHaveLength(5);
    expect(records).not.toContain(`records/${num("c")}.pdf`);
    const figures = files.get("compliance/figures.csv")!.toString("utf8");
    expect(figures).toContain(`Trail and change table disagree,1,changes,${num("d")}`);
    const events = files.get("audit/events.csv")!.toString("utf8");
    expect(events).toContain("change.start");
    expect(events.split("\r\n")[0]).toContain("hash");
    expect(JSON.parse(files.get("audit/verification.json")!.toString("utf8"))).toMatchObject({ ok: true });
  });

  it("is for auditors: a change manager may read the dashboard but not take the trail away", async () => {
    const manager = await makeUser(["PLA:change_manager"]);
    expect(await codeOf(getCompliance(manager.actor, period()))).toBe("ok");
    expect(await codeOf(exportEvidence(manager.actor, period()))).toBe("forbidden");
    expect(await codeOf(exportEvidence(w.people.auditor.actor, { site: "NOPE" }))).toBe("not_found");
    expect(await codeOf(exportEvidence(w.people.auditor.actor, { from: "2026-13-01" }))).toBe("invalid");
  });
});
