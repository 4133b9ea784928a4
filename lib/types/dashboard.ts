// What the role dashboards show. Instants are UTC ISO strings; each carries the site zone to show it in.
import type { WeekFigures } from "@/lib/domain/dashboard/trends";
import type {
  ChangeClass,
  ChangeState,
  RiskLevel,
  RunKind,
  SignoffDecision,
  SignoffRole,
} from "@/lib/domain/constants";
import type { GateResult, InboxItem } from "./changes";

export interface DashboardChange {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  class: ChangeClass;
  risk: RiskLevel;
  siteCodes: string[];
  timeZone: string;
  plannedStart: string | null;
  plannedEnd: string | null;
}

export interface RequesterPanel {
  counts: Partial<Record<ChangeState, number>>;
  /** My open changes with what holds each up, in words. */
  open: (DashboardChange & { blockers: string[] })[];
  /** Maintenance windows at my sites in the next 14 days. */
  nextWindows: { title: string; siteCode: string; timeZone: string; start: string; end: string }[];
}

export interface ApproverPanel {
  waiting: number;
  oldest: InboxItem | null;
  oldestZone: string;
  items: InboxItem[];
  recentlySigned: {
    changeId: string;
    number: string;
    title: string;
    role: SignoffRole;
    decision: SignoffDecision;
    signedAt: string;
    timeZone: string;
  }[];
}

export interface ImplementerPanel {
  /** Approved changes I implement whose slot opens within 72 hours (or is open now), with the gate's answer now. */
  upcoming: (DashboardChange & { gate: GateResult })[];
  inProgress: DashboardChange[];
}

export interface TimelineItem {
  kind: "maintenance" | "blackout" | "run" | "change";
  title: string;
  start: string;
  end: string;
  href: string | null;
  areaCodes: string[];
  /** Changes: their state; runs: their kind and whether they are critical. */
  state?: ChangeState;
  runKind?: RunKind;
  critical?: boolean;
  conflict: boolean;
}

export interface ManagerPanel {
  sites: {
    siteCode: string;
    siteName: string;
    timeZone: string;
    from: string;
    to: string;
    /** The site's midnights within the range, with the day's name. */
    days: { at: string; label: string }[];
    items: TimelineItem[];
    conflicts: { changeId: string; number: string; title: string; messages: string[] }[];
  }[];
}

export interface DashboardTrends {
  weeks: WeekFigures[];
}
