import type { ChangeState, RiskLevel, SignoffRole } from "@/lib/domain/constants";

export type BoardDecisionKind = "approve" | "reject" | "defer";

export interface BoardMeetingSummary {
  id: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  chairName: string;
  closedAt: string | null;
  decisionCount: number;
}

/** One change on the agenda: it needs the change board's sign-off. */
export interface AgendaItem {
  changeId: string;
  number: string;
  title: string;
  state: ChangeState;
  risk: RiskLevel;
  plannedStart: string | null;
  plannedEnd: string | null;
  requesterName: string;
  /** The content hash the chair signs over (the change as the agenda shows it). */
  contentHash: string;
  /** Other sign-offs still missing besides the board's. */
  missing: { role: SignoffRole; siteCode: string | null }[];
}

export interface BoardDecisionView {
  id: string;
  changeId: string;
  number: string;
  title: string;
  decision: BoardDecisionKind;
  reason: string;
  signoffId: string | null;
  /** The board sign-off's meaning and the hash it approved, when approve/reject. */
  meaning: string | null;
  contentHash: string | null;
  decidedAt: string;
  decidedByName: string;
}

export interface BoardMeetingView extends BoardMeetingSummary {
  siteId: string;
  chairEmail: string;
  chairId: string;
  attendees: string[];
  notes: string;
  /** Changes that still need the board, soonest planned start first (empty once closed). */
  agenda: AgendaItem[];
  decisions: BoardDecisionView[];
  /** Whether the viewer chairs it and it is open: may record decisions and minutes. */
  canChair: boolean;
  /** From when it records decisions and may be closed (a little before its start). */
  sessionOpensAt: string;
  /** Whether it is in session now: decisions and closing are open (until closed). */
  inSession: boolean;
}
