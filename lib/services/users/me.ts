import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SiteRole } from "@/lib/domain/constants";

export interface Me {
  id: string | null;
  email: string;
  name: string;
  isAdmin: boolean;
  roles: { siteCode: string; role: SiteRole }[];
}

/** The caller as the API reports them: the actor is rebuilt per request, so this is current. */
export function describeActor(actor: Actor): Me {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    isAdmin: actor.isAdmin,
    roles: actor.grants.map((g) => ({ siteCode: g.siteCode, role: g.role })),
  };
}
