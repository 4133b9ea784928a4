import type { SiteRole } from "@/lib/domain/constants";
import type { TokenScope } from "@/lib/domain/token-scopes";
import type { PermissionSubject } from "./permissions";

declare const actorBrand: unique symbol;

export interface ActorGrant {
  siteId: string;
  siteCode: string;
  role: SiteRole;
  /**
   * Set when the role is lent by a delegation (lib/domain/delegation): it lets the holder see the
   * site's changes and sign on the delegator's behalf, nothing more (lib/auth/permissions).
   */
  delegation?: GrantDelegation;
}

export interface GrantDelegation {
  id: string;
  delegatorId: string;
  delegatorName: string;
  endsAt: Date;
}

/**
 * Who is acting. Services take only an Actor, and only lib/auth can make one (the brand),
 * from a live session, an API token, or the local command line.
 */
export interface Actor extends PermissionSubject {
  readonly [actorBrand]: true;
  readonly kind: "user" | "system";
  readonly userId: string | null;
  readonly email: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly grants: readonly ActorGrant[];
  readonly via: "session" | "token" | "cli";
  readonly sessionId: string | null;
  /** How a browser session was opened; an electronic signature re-verifies the same way. */
  readonly authMethod?: "password" | "oidc";
  readonly tokenId: string | null;
  /** What a token may do; null for a session or the command line, which are not limited. */
  readonly scopes: readonly TokenScope[] | null;
  readonly ip: string | null;
}

export function makeActor(fields: Omit<Actor, typeof actorBrand>): Actor {
  return Object.freeze({ ...fields }) as Actor;
}
