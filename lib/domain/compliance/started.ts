// "Did every change that started have its sign-offs?" answered from the audit trail alone:
// the change's own events are replayed (class, approval round, required list, signatures and
// their superseding) up to its start event, so the answer does not trust the change tables.
import { SLOT_SUPERSEDED_ROLES } from "../changes/content";
import { POLICY_RULES } from "../changes/policy";
import type { ChangeClass, SignoffRole } from "../constants";

/** The part of an audit event the replay reads. */
export interface TrailEvent {
  id: number;
  at: Date;
  action: string;
  objectId: string | null;
  siteId: string | null;
  after: unknown;
}

export interface TrailRequirement {
  role: SignoffRole;
  siteCode: string | null;
}

export interface TrailStart {
  changeId: string;
  number: string;
  startedAt: Date;
  eventId: number;
  /** The sites the change named at its start (the start event's, else the event's own site). */
  siteIds: string[];
  withAllSignoffs: boolean;
  /** What was missing at the start, in words ("Safety sign-off", "Operations (PLA) sign-off"). */
  problems: string[];
}

interface TrailSignoff {
  id: string;
  round: number;
  role: SignoffRole;
  siteId: string | null;
  decision: "approve" | "reject";
  contentHash: string | null;
  scopeHash: string | null;
  hashVersion: number;
  superseded: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

/** Roles an emergency change may collect after its start (rule 7), from the policy table itself. */
const RETROSPECTIVE_ROLES: ReadonlySet<SignoffRole> = new Set(
  POLICY_RULES.filter((r) => r.emergencyRetrospective).map((r) => r.role),
);

function requirements(v: unknown): TrailRequirement[] | null {
  if (!Array.isArray(v)) return null;
  return v.map((r) => ({ role: obj(r).role as SignoffRole, siteCode: str(obj(r).siteCode) }));
}

/**
 * Whether a signature covers the content the start event recorded: the full hash for the roles
 * that judged the slot, the scope hash for the others (lib/domain/changes/content.ts). A hash the
 * start did not record, or one of another hash version, cannot be compared and is not held against it.
 */
function coversStartContent(
  s: TrailSignoff,
  start: { content: string | null; scope: string | null; version: number },
): boolean {
  if (s.hashVersion !== start.version) return true;
  if (SLOT_SUPERSEDED_ROLES.includes(s.role)) return !start.content || s.contentHash === start.content;
  return !start.scope || !s.scopeHash || s.scopeHash === start.scope;
}

const label = (r: TrailRequirement, roleLabel: (role: SignoffRole) => string) =>
  `${roleLabel(r.role)}${r.siteCode ? ` (${r.siteCode})` : ""} sign-off`;

/**
 * Replays each change's events (in id order) and judges every `change.start` among them.
 * `siteCodes` maps site ids to codes (sign-offs name a site id, requirements a site code).
 */
export function startsFromTrail(
  events: readonly TrailEvent[],
  siteCodes: ReadonlyMap<string, string>,
  roleLabel: (role: SignoffRole) => string,
): TrailStart[] {
  const byChange = new Map<string, TrailEvent[]>();
  for (const e of events) {
    if (!e.objectId) continue;
    const list = byChange.get(e.objectId) ?? [];
    list.push(e);
    byChange.set(e.objectId, list);
  }
  const out: TrailStart[] = [];
  for (const [changeId, list] of byChange) {
    list.sort((a, b) => a.id - b.id);
    let cls: ChangeClass | null = null;
    let round = 1;
    let required: TrailRequirement[] = [];
    let number = "";
    const signoffs = new Map<string, TrailSignoff>();
    for (const e of list) {
      const after = obj(e.after);
      number = str(after.number) ?? number;
      switch (e.action) {
        case "change.create":
        case "change.update":
          if (typeof after.class === "string") cls = after.class as ChangeClass;
          break;
        case "change.submit":
        case "change.revise":
          round = num(after.round) ?? round;
          required = requirements(after.required) ?? required;
          break;
        case "signoff.sign": {
          const id = str(after.signoffId);
          if (!id) break;
          signoffs.set(id, {
            id,
            round: num(after.round) ?? round,
            role: after.role as SignoffRole,
            siteId: str(after.siteId),
            decision: after.decision === "approve" ? "approve" : "reject",
            contentHash: str(after.contentHash),
            scopeHash: str(after.scopeHash),
            hashVersion: num(after.hashVersion) ?? 1,
            superseded: false,
          });
          break;
        }
        case "signoff.supersede": {
          const s = signoffs.get(str(after.signoffId) ?? "");
          if (s) s.superseded = true;
          break;
        }
        case "change.start": {
          round = num(after.round) ?? round;
          required = requirements(after.required) ?? required;
          const startHashes = {
            content: str(after.contentHash),
            scope: str(after.scopeHash),
            version: num(after.hashVersion) ?? 1,
          };
          const current = [...signoffs.values()].filter((s) => s.round === round && !s.superseded);
          const matches = (r: TrailRequirement, s: TrailSignoff) =>
            s.role === r.role &&
            (r.siteCode === null || (s.siteId && siteCodes.get(s.siteId)) === r.siteCode);
          const problems: string[] = [];
          for (const r of required) {
            const retrospective = cls === "emergency" && RETROSPECTIVE_ROLES.has(r.role);
            const rejected = current.find((s) => matches(r, s) && s.decision === "reject");
            if (rejected) {
              problems.push(`${label(r, roleLabel)} rejected`);
              continue;
            }
            if (retrospective) continue;
            const given = current.filter((s) => matches(r, s) && s.decision === "approve");
            if (given.length === 0) problems.push(`${label(r, roleLabel)} missing`);
            else if (!given.some((s) => coversStartContent(s, startHashes)))
              problems.push(`${label(r, roleLabel)} was given for other content`);
          }
          if (required.length === 0) problems.push("No required sign-offs were recorded before the start");
          const siteIds = Array.isArray(after.siteIds)
            ? after.siteIds.filter((s): s is string => typeof s === "string")
            : e.siteId
              ? [e.siteId]
              : [];
          out.push({
            changeId,
            number,
            startedAt: e.at,
            eventId: e.id,
            siteIds,
            withAllSignoffs: problems.length === 0,
            problems,
          });
          break;
        }
      }
    }
  }
  return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.eventId - b.eventId);
}
