import type { SiteRole } from "@/lib/domain/constants";
import { actorFromSession, cliActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { signIn } from "@/lib/services/auth/sign-in";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { createUser } from "@/lib/services/users/create-user";

export const PASSWORD = "correct horse battery staple";

export async function makeSite(code: string, timeZone = "America/Chicago", areaCodes: string[] = ["U1"]) {
  const admin = cliActor();
  const site = await createSite(admin, { code, name: `${code} plant`, timeZone });
  const areas = [];
  for (const a of areaCodes) areas.push(await createArea(admin, code, { code: a, name: `Area ${a}` }));
  return { ...site, areas };
}

let n = 0;
/** Creates a user with the given "SITE:role" grants and signs them in for real, returning their actor. */
export async function makeUser(
  grants: `${string}:${SiteRole}`[],
  opts: { isAdmin?: boolean; name?: string } = {},
) {
  n++;
  const email = `user${n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await createUser(cliActor(), {
    email,
    name: opts.name ?? `Test User ${n}`,
    password: PASSWORD,
    isAdmin: opts.isAdmin ?? false,
    grants: grants.map((g) => {
      const [siteCode, role] = g.split(":") as [string, SiteRole];
      return { siteCode, role };
    }),
  });
  const actor = await signInAs(email);
  return { ...user, email, actor };
}

export async function signInAs(email: string, ip = "127.0.0.1"): Promise<Actor> {
  const session = await signIn({ email, password: PASSWORD }, { ip, userAgent: "vitest" });
  const actor = await actorFromSession(session.sessionId, ip);
  if (!actor) throw new Error("session did not resolve");
  return actor;
}
