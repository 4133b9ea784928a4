import type { SignoffDecision, SignoffRole, SiteRole } from "@/lib/domain/constants";

export interface RoleMappingView {
  id: string;
  claim: string;
  value: string;
  siteCode: string;
  role: SiteRole;
  createdAt: Date;
}

export interface HeldRoleView {
  id: string;
  email: string;
  name: string;
  siteCode: string;
  role: SiteRole;
  claim: string;
  requestedAt: Date;
  /** The viewer's own account: another administrator must decide. */
  own: boolean;
}

/** A sign-off an SSO signer started, to be shown again after the round trip to the provider. */
export interface ReauthResume {
  input: {
    role: SignoffRole;
    siteCode?: string;
    decision: SignoffDecision;
    comment: string;
    contentHash: string;
    [field: string]: unknown;
  };
  message: string;
}
