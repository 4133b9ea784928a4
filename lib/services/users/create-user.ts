import "server-only";
import { currentTime } from "@/lib/clock";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, sites, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict, invalid } from "@/lib/services/base/errors";

export async function createUser(actor: Actor, input: CreateUserInput) {
  requireAdmin(actor, "user.manage");
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  const now = currentTime();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) throw conflict(`A user with email ${data.email} already exists.`);
    const codes = [...new Set(data.grants.map((g) => g.siteCode))];
    const siteRows = codes.length ? await tx.select().from(sites).where(inArray(sites.code, codes)) : [];
    const unknown = codes.filter((c) => !siteRows.some((s) => s.code === c));
    if (unknown.length)
      throw invalid(`Unknown site code: ${unknown.join(", ")}.`, [
        { path: "grants", message: `Unknown site ${unknown.join(", ")}` },
      ]);
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        passwordHash,
        isAdmin: data.isAdmin,
        createdAt: now,
        passwordChangedAt: now,
      })
      .returning();
    const grants = data.grants.map((g) => ({
      userId: user!.id,
      siteId: siteRows.find((s) => s.code === g.siteCode)!.id,
      role: g.role,
      grantedBy: actor.userId,
      grantedAt: now,
    }));
    if (grants.length) await tx.insert(roleGrants).values(grants).onConflictDoNothing();
    await appendAudit(tx, actor, {
      action: "user.create",
      objectType: "user",
      objectId: user!.id,
      after: { email: data.email, name: data.name, isAdmin: data.isAdmin, grants: data.grants },
    });
    return { id: user!.id, email: user!.email, name: user!.name, isAdmin: user!.isAdmin };
  });
}
