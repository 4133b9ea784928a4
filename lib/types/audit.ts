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

/** A checkpoint (a seal on the chain's head), as listed and exported. */
export interface CheckpointView {
  id: number;
  at: string;
  eventId: number;
  eventHash: string;
  keyId: string;
  mac: string;
  reason: string;
  actorEmail: string | null;
}

export interface VerifyReport extends VerifyResult {
  period: { from: string | null; to: string | null };
  /** On a break: the broken event and its neighbours, those the reader may see in full. */
  neighbours: { id: number; event: AuditEventView | null }[];
}

/** One entry of the gate-check log (dry runs of the deployment gate), as readers see it. */
export interface GateCheckView {
  id: number;
  changeId: string;
  changeNumber: string;
  siteCode: string;
  timeZone: string;
  actorEmail: string;
  actorName: string | null;
  /** "session" (the portal), "token" (an API token) or "cli". */
  via: string;
  tokenId: string | null;
  tokenName: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The instant asked about; null when the caller asked about the moment of asking. */
  askedFor: string | null;
  allowed: boolean;
  reasons: { code: string; message: string }[];
  changeState: string;
  changeVersion: number;
  firstAt: string;
  lastAt: string;
  /** Identical consecutive answers to this caller within the entry's first minute. */
  count: number;
}
