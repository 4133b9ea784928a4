import type { VerifyResult } from "@/lib/audit/verify-chain";

/** One audit event as readers see it: ids resolved to the site code, actor name and object label. */
export interface AuditEventView {
  id: number;
  at: string;
  siteCode: string | null;
  /** The site's IANA zone, for showing the time as the plant saw it; null for site-less events. */
  timeZone: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** A change's number or an asset's tag, when the event is about one. */
  objectLabel: string | null;
  reason: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface VerifyReport extends VerifyResult {
  period: { from: string | null; to: string | null };
  /** On a break: the broken event and its neighbours, those the reader may see in full. */
  neighbours: { id: number; event: AuditEventView | null }[];
}
