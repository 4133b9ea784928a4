import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, changes } from "@/db/schema";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { isServiceError } from "@/lib/services/base/errors";
import { useTestDatabase } from "../db";
import { changeWorld, draft, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

describe("concurrency", () => {
  it("20 concurrent starts of one approved change: exactly one succeeds, the others are refused by the gate", async () => {
    const { requester, opsA, securityA, implementer } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    expect((await sign(securityA.actor, c.id, "security")).state).toBe("approved");

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => startChange(implementer.actor, c.id)),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const e of refused) {
      expect(isServiceError(e) && e.code).toBe("gate_refused");
      expect(isServiceError(e) && e.details.reasons?.map((r) => r.code)).toContain("wrong_state");
    }
    const decisions = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "gate.decision"), eq(auditEvents.objectId, c.id)));
    expect(decisions).toHaveLength(20);
    expect(decisions.filter((d) => (d.after as { allowed: boolean }).allowed)).toHaveLength(1);
    const starts = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "change.start"), eq(auditEvents.objectId, c.id)));
    expect(starts).toHaveLength(1);
  });

  it("another change in progress on the same asset keeps the gate shut", async () => {
    const { requester, opsA, securityA, implementer } = w.people;
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await createChange(
        requester.actor,
        draft(w, [w.assets.plc2.id], { title: `Shared asset ${i}` }),
      );
      await submitChange(requester.actor, c.id);
      await sign(opsA.actor, c.id, "operations");
      await sign(securityA.actor, c.id, "security");
      ids.push(c.id);
    }
    const results = await Promise.allSettled(ids.map((id) => startChange(implementer.actor, id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isServiceError(refusal.reason) && refusal.reason.details.reasons?.map((r) => r.code)).toContain(
      "asset_busy",
    );
  });

  it("a stale edit is refused with who changed it, and nothing is lost", async () => {
    const { requester, implementer } = w.people;
    const colleague = w.people.boardA; // change manager at PLA: may edit too
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    const mine = await updateChange(colleague.actor, c.id, { title: "Colleague's title" }, c.version);
    expect(mine.version).toBe(c.version + 1);

    const e = await errorOf(
      updateChange(requester.actor, c.id, { description: "My stale description" }, c.version),
    );
    expect(e.code).toBe("conflict");
    expect(e.details).toMatchObject({
      currentVersion: c.version + 1,
      updatedBy: colleague.email,
      updatedAt: mine.updatedAt,
    });
    const now = await getChange(implementer.actor, c.id);
    expect(now).toMatchObject({
      title: "Colleague's title",
      description: c.description,
      version: c.version + 1,
    });

    // Concurrent edits from the same version: one wins, the other gets the conflict.
    const both = await Promise.allSettled([
      updateChange(requester.actor, c.id, { testNotes: "A" }, now.version),
      updateChange(colleague.actor, c.id, { testNotes: "B" }, now.version),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [row] = await db.select().from(changes).where(eq(changes.id, c.id));
    expect(row!.version).toBe(now.version + 1);
  });
});
