import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import type { Actor } from "./actor";
import { actorFromSession } from "./resolve";

/** The session id carried in the next-auth cookie, if any (never from an Authorization header). */
export async function sessionIdFrom(cookieStore: {
  getAll(): { name: string; value: string }[];
}): Promise<string | null> {
  const token = await getToken({
    req: { headers: {}, cookies: cookieStore } as never,
    secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}

/** The signed-in user for a page or server action, or null. */
export async function currentActor(): Promise<Actor | null> {
  const sid = await sessionIdFrom(await cookies());
  if (!sid) return null;
  return actorFromSession(sid, clientIp(await headers()));
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
