// Plain data shapes of the scheduling rules. Services load rows, map them to these and
// call the pure functions; nothing here knows about the database or the clock.
import type { ChangeState, GateReasonCode, RunCriticality, RunKind, WindowKind } from "../constants";

/** A maintenance window or blackout as defined by a change manager, in site-local wall time. */
export interface WindowDef {
  id: string;
  siteId: string;
  kind: WindowKind;
  title: string;
  /** Empty means the whole site. */
  areaIds: string[];
  /** "YYYY-MM-DDTHH:mm", wall time in `timeZone`; the first occurrence (or the only one). */
  localStart: string;
  durationMinutes: number;
  /** RRULE body ("FREQ=WEEKLY;BYDAY=SU"), with or without "RRULE:"; null for a one-off. */
  rrule: string | null;
  /** Inclusive local end of the series: "YYYY-MM-DD" (whole day) or "YYYY-MM-DDTHH:mm". */
  untilLocal: string | null;
  /** Nominal local starts ("YYYY-MM-DDTHH:mm") of cancelled occurrences. */
  exdatesLocal: string[];
  /** IANA zone of the site. */
  timeZone: string;
}

export interface Occurrence {
  windowId: string;
  kind: WindowKind;
  title: string;
  siteId: string;
  areaIds: string[];
  start: Date;
  end: Date;
  /** "YYYY-MM-DDTHH:mm:ss.SSS±HH:MM" in the site zone; always a numeric offset, never "Z". */
  localStart: string;
  /** Same format as localStart; the offset may differ when the occurrence spans a DST change. */
  localEnd: string;
  timeZone: string;
  /** Abbreviation at the start ("CST", "CDT", "CET", "CEST"); "GMT+9"-style where none exists. */
  zoneAbbr: string;
  /**
   * Nominal local start produced by the rule ("YYYY-MM-DDTHH:mm"), the key to put in
   * exdatesLocal to cancel this occurrence. It differs from localStart's wall time only
   * when the nominal time fell into a spring-forward gap.
   */
  recurrenceId: string;
}

export interface TimeSlot {
  start: Date;
  end: Date;
}

export interface ScheduleAsset {
  id: string;
  tag: string;
  siteId: string;
  areaId: string | null;
  redundancyGroup: string | null;
}

export interface ProductionRunFacts {
  id: string;
  siteId: string;
  areaId: string;
  title: string;
  kind: RunKind;
  criticality: RunCriticality;
  start: Date;
  end: Date;
}

export interface OtherChangeFacts {
  id: string;
  number: string;
  state: ChangeState;
  assetIds: string[];
  start: Date;
  end: Date;
}

export interface SiteFacts {
  code: string;
  name: string;
  timeZone: string;
}

export interface ConflictInput {
  slot: TimeSlot;
  /** The change being planned; excluded from otherChanges so it never collides with itself. */
  changeId: string | null;
  assets: ScheduleAsset[];
  /** expectedDowntimeMinutes > 0 or productionImpact !== "none". */
  needsDowntime: boolean;
  /** Expanded maintenance and blackout occurrences of the affected sites. */
  occurrences: Occurrence[];
  productionRuns: ProductionRunFacts[];
  /** Submitted, approved or in-progress changes; other states are ignored. */
  otherChanges: OtherChangeFacts[];
  /** Redundancy group → every member asset id across the inventory. */
  redundancyGroups: Record<string, string[]>;
  sites: Record<string, SiteFacts>;
}

export type ConflictCode = Extract<
  GateReasonCode,
  "outside_window" | "blackout_active" | "asset_busy" | "redundancy_lost" | "production_conflict"
>;

export interface Conflict {
  code: ConflictCode;
  message: string;
  objectType: "window" | "change" | "production_run" | "asset" | null;
  objectId: string | null;
  assetIds: string[];
  overlap: TimeSlot | null;
  /**
   * True when the deployment gate must refuse. False only for clashes with changes that
   * are merely scheduled (submitted/approved): whichever starts first wins at the gate,
   * but planners should still avoid them (the slot assistant does).
   */
  blocking: boolean;
}
