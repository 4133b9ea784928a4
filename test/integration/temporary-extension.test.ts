import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, changes, signoffs } from "@/db/schema";
import * as extensionsRoute from "@/app/api/v1/changes/[id]/extensions/route";
import { isoUtc } from "@/lib/domain/changes";
import { formatInZone, formatUtc } from "@/lib/domain/site-time";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import { createAsset } from "@/lib/services/assets/create";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { getChange } from "@/lib/services/changes/get";
import { listTemporaryOnAsset } from "@/lib/services/changes/list-temporary-on-asset";
import { requestExtension } from "@/lib/services/changes/request-extension";
import { signExtension } from "@/lib/services/changes/sign-extension";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import { createToken } from "@/lib/services/tokens/create-token";
import type { Actor } from "@/lib/auth/actor";
import { useTestDatabase } from "../db";
import { PASSWORD } from "../fixtures";
import { pdfText } from "../pdf-text";
import { call, expectProblem } from "./api-helpers";
import { HOUR, changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";

// Issue 15 item 4: a temporary change in place gets a later expiry only with the sign-offs that
// approved it, each bound to the extension's content.
let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const DAY = 24 * HOUR;
const ZONE = "America/Chicago";

async function signIt(actor: Actor, id: string, role: "operations" | "security" | "safety", hash?: string) {
  const contentHash = hash ?? (await getChange(actor, id)).temporary.extension!.contentHash;
  return signExtension(actor, id, { role, decision: "approve", password: PASSWORD, contentHash });
}

describe("extending a temporary change after implementation", () => {
  it("needs the original's sign-offs on the extension's content; meanwhile the asset stays temporary, and then the expiry, the revert's due time and the record follow", async () => {
    const { requester, implementer, opsA, securityA, boardA, onlyA } = w.people;
    const asset = await createAsset(requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "FW-120",
      name: "Vendor jump firewall",
      kind: "plc",
      criticality: "supporting",
    });
    const until = new Date(Math.floor((Date.now() + 5 * DAY) / 60_000) * 60_000);
    const c = await createChange(
      requester.actor,
      draft(w, [asset.id], {
        type: "firewall_rule",
        title: "Open TCP/443 for the vendor session",
        backoutPlan: "Delete rule 4711.",
        temporaryUntil: isoUtc(until),
      }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    await startChange(implementer.actor, c.id);
    const done = await completeChange(implementer.actor, c.id, {
      outcome: "success",
      notes: "Rule in place",
    });
    expect(done.temporary).toMatchObject({
      inPlace: true,
      expiresAt: isoUtc(until),
      extendRefusal: null,
    });
    const approvedHash = done.contentHash;

    // Bad input: refused in plain words, nothing saved.
    const past = await errorOf(
      requestExtension(requester.actor, c.id, { until: new Date(Date.now() - HOUR), reason: "Late" }),
    );
    expect(past.code).toBe("invalid");
    expect(past.message).toMatch(/^The new expiry must be in the future/);
    expect(past.details.errors).toEqual([{ path: "until", message: expect.stringMatching(/in the future/) }]);
    const earlier = await errorOf(
      requestExtension(requester.actor, c.id, { until: new Date(until.getTime() - DAY), reason: "Less" }),
    );
    expect(earlier.message).toMatch(/An extension moves the expiry later: it is .* C[SD]T now/);
    expect(
      await codeOf(
        requestExtension(opsA.actor, c.id, { until: new Date(until.getTime() + DAY), reason: "x" }),
      ),
    ).toBe("forbidden");
    const { token } = await createToken(requester.actor, { name: "api", scopes: ["read", "write"] });
    const viaApi = await expectProblem(
      await call(extensionsRoute.POST as never, {
        method: "POST",
        path: `/api/v1/changes/${c.id}/extensions`,
        params: { id: c.id },
        token,
        body: JSON.stringify({ until: new Date(Date.now() - DAY).toISOString(), reason: "Late" }),
      }),
      422,
    );
    expect(viaApi.errors?.[0]?.path).toBe("until");
    expect((await getChange(requester.actor, c.id)).temporary.extension).toBeNull();

    // Asked for: the sign-offs that approved the change, again; the expiry stays meanwhile.
    const later = new Date(until.getTime() + 3 * DAY);
    const asked = await requestExtension(onlyA.actor, c.id, {
      until: later,
      reason: "The vendor needs two more sessions",
    });
    expect(asked.temporary.expiresAt).toBe(isoUtc(until));
    expect(asked.temporary.extension).toMatchObject({
      state: "pending",
      fromUntil: isoUtc(until),
      toUntil: isoUtc(later),
      required: [
        { role: "operations", siteCode: "PLA", signerName: null },
        { role: "security", siteCode: null, signerName: null },
      ],
    });
    expect(asked.temporary.extendRefusal).toMatch(/already awaiting/);
    expect(
      await codeOf(
        requestExtension(requester.actor, c.id, { until: new Date(later.getTime() + DAY), reason: "More" }),
      ),
    ).toBe("conflict");
    const onAsset = async () => (await listTemporaryOnAsset(requester.actor, asset.id))[0]!;
    expect(await onAsset()).toMatchObject({ temporaryUntil: isoUtc(until), status: "in_place" });

    // Separation of duties and the content binding.
    // Only A (a requester and a security approver at the plant) asked for it: not theirs to sign.
    expect((await errorOf(signIt(onlyA.actor, c.id, "security"))).message).toMatch(
      /requested this change or its extension/,
    );
    for (const p of [requester, implementer])
      expect((await errorOf(signIt(p.actor, c.id, "security"))).message).toMatch(/no approving role/);
    expect((await errorOf(signIt(opsA.actor, c.id, "safety"))).code).toBe("invalid");
    const stale = await errorOf(signIt(opsA.actor, c.id, "operations", approvedHash));
    expect(stale.code).toBe("conflict");
    const mid = await signIt(opsA.actor, c.id, "operations");
    expect(mid.temporary.extension!.state).toBe("pending");
    expect(mid.temporary.expiresAt).toBe(isoUtc(until));
    // One person, one perspective: Olga signed operations; security is not hers to give as well.
    expect((await errorOf(signIt(opsA.actor, c.id, "security"))).code).toBe("forbidden");

    const extended = await signIt(securityA.actor, c.id, "security");
    expect(extended.temporary).toMatchObject({
      expiresAt: isoUtc(later),
      inPlace: true,
      extension: { state: "approved" },
    });
    // The change as approved is unchanged: its own sign-offs still cover it.
    expect(extended.contentHash).toBe(approvedHash);
    expect(extended.temporaryUntil).toBe(isoUtc(until));
    expect(
      extended.signoffs
        .filter((s) => !s.superseded)
        .map((s) => s.role)
        .sort(),
    ).toEqual(["operations", "security"]);
    const rows = await db
      .select()
      .from(signoffs)
      .where(eq(signoffs.extensionId, extended.temporary.extension!.id));
    expect(rows.map((r) => [r.role, r.signerName, r.contentHash])).toEqual([
      ["operations", "Olga Operations", extended.temporary.extension!.contentHash],
      ["security", "Sam Security", extended.temporary.extension!.contentHash],
    ]);
    expect(rows[1]!.meaning).toMatch(
      /^Approved as IT\/OT security authority: extension of the temporary change CHG-/,
    );

    // What follows the new expiry: the asset, the dashboard, the revert's due time.
    expect(await onAsset()).toMatchObject({ temporaryUntil: isoUtc(later), status: "in_place" });
    // Past the old expiry it is not overdue: the new one is under three days away.
    const atOldExpiry = await changeDashboard(boardA.actor, new Date(until.getTime() + HOUR));
    expect(atOldExpiry.temporaryExpiring.find((t) => t.id === c.id)).toMatchObject({
      status: "expiring",
      temporaryUntil: isoUtc(later),
    });
    const pastNew = await changeDashboard(boardA.actor, new Date(later.getTime() + HOUR));
    expect(pastNew.temporaryExpiring.find((t) => t.id === c.id)).toMatchObject({ status: "expired" });
    const revert = await getChange(requester.actor, extended.temporary.revert!.id);
    expect(revert.temporary.reverts?.dueBy).toBe(isoUtc(later));
    const [row] = await db.select().from(changes).where(eq(changes.id, c.id));
    expect(row!.extendedUntil?.getTime()).toBe(later.getTime());

    // The record states both expiries and the extension's signers.
    const text = await pdfText(await changeRecordPdf(await getChangeRecord(w.people.auditor.actor, c.id)));
    const words = (d: Date) => `${formatInZone(d, ZONE)} (${formatUtc(d)})`;
    expect(text).toContain(`Temporary: revert by: ${words(later)}`);
    expect(text).toContain(`Expiry approved with the change: ${words(until)}`);
    expect(text).toContain("Expiry extension: Approved: requested by Only A");
    expect(text).toContain("Extension sign-offs: Operations (PLA): Olga Operations; Security: Sam Security");
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, c.id)));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["change.extension_request", "change.extension_sign"]),
    );
  });
});
