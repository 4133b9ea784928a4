import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { mailMessages, notifications } from "@/db/schema";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { revokeDelegation } from "@/lib/services/delegations/revoke-delegation";
import { setNotificationPreference } from "@/lib/services/notifications/set-preference";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { changeWorld, draft, type World } from "./changes-helpers";
import { drainJobs } from "./notify-helpers";
import { lend } from "./delegation-helpers";

// Issue 15 item 3: a delegate is asked for the sign-offs the lent role gives, as the approver is,
// and told when a delegation to them is made or ended.
let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const notes = (objectId: string, userIds: string[]) =>
  db
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      channel: notifications.channel,
    })
    .from(notifications)
    .where(and(eq(notifications.objectId, objectId), inArray(notifications.userId, userIds)));

describe("delegates are notified", () => {
  it("of the delegation made and ended, per their preference, and of what they may sign while it is in force", async () => {
    const { safetyA: sofia, securityA: sam, opsA: olga, boardA: carla, requester } = w.people;
    const dan = await makeUser([], { name: "Dan Deputy" });
    const fay = await makeUser([], { name: "Fay Future" });
    const rex = await makeUser([], { name: "Rex Revoked" });
    await setNotificationPreference(fay.actor, { kind: "delegation", channel: "in_app" });
    const toDan = await lend(sofia, dan, "safety", 0, 6);
    const toFay = await lend(sam, fay, "security", 5, 7); // not yet in force
    const toRex = await lend(olga, rex, "operations", 0, 3);
    await revokeDelegation(carla.actor, toRex.id, { reason: "Olga is back" });

    const [made] = await notes(toDan.id, [dan.id]);
    expect(made).toMatchObject({
      kind: "delegation",
      title: "Sofia Safety delegated their signing authority to you",
      channel: "email",
    });
    expect(made!.body).toMatch(
      /You hold the signing authority of Sofia Safety as safety approver at PLA plant from .+ C[SD]T until/,
    );
    const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.to, dan.email));
    expect(mail?.subject).toMatch(/Sofia Safety delegated their signing authority to you/);
    // Fay chose the portal only for this kind: no e-mail.
    expect((await notes(toFay.id, [fay.id])).map((n) => n.channel)).toEqual(["in_app"]);
    expect(await db.select().from(mailMessages).where(eq(mailMessages.to, fay.email))).toEqual([]);
    // Ended by a change manager: the delegate and the approver are told; the manager is not.
    const ended = (await notes(toRex.id, [rex.id, olga.id, carla.id])).filter((n) => /ended/.test(n.title));
    expect(ended.map((n) => n.userId).sort()).toEqual([rex.id, olga.id].sort());
    expect(ended[0]!.body).toMatch(
      /^Carla Board ended the delegation of the signing authority of Olga Operations as operations approver at PLA plant to Rex Revoked/,
    );

    // A change waiting for safety, security and operations at the plant.
    const c = await createChange(requester.actor, draft(w, [w.assets.sis.id]));
    await submitChange(requester.actor, c.id);
    await drainJobs(db);
    const asked = await notes(c.id, [dan.id, fay.id, rex.id, sofia.id]);
    expect(asked.map((n) => [n.userId, n.kind, n.title]).sort()).toEqual(
      [
        [dan.id, "signoff_needed", `${c.number} needs your sign-off on behalf of Sofia Safety`],
        [sofia.id, "signoff_needed", `${c.number} needs your sign-off`],
      ].sort(),
    );
    expect(asked.find((n) => n.userId === dan.id)!.body).toMatch(
      /Sofia Safety has delegated this signing authority to you: you would sign on their behalf\.$/,
    );
  });
});
