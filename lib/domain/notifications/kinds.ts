// The kinds of notification (issue 13, item 2) and the channels a user may choose per kind.

export const NOTIFICATION_KINDS = [
  "signoff_needed",
  "change_approved",
  "change_rejected",
  "gate_refused",
  "slot_opening",
  "retrospective_due",
  "retrospective_overdue",
  "pssr_pending",
  "baseline_overdue",
  "advisory_due",
  "advisory_overdue",
  "schedule_conflict",
  "temporary_expiring",
  "temporary_expired",
  "delegation",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["in_app", "email", "digest"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: "In the portal only",
  email: "E-mail at once",
  digest: "Daily e-mail digest",
};

interface KindInfo {
  label: string;
  /** Who receives it, in words for the preferences page. */
  audience: string;
  /** What a user gets unless they choose otherwise: what blocks work or is late is mailed. */
  defaultChannel: NotificationChannel;
}

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, KindInfo> = {
  signoff_needed: {
    label: "A change needs your sign-off",
    audience: "Approvers who may sign it: on submission, resubmission, or when an edit supersedes sign-offs",
    defaultChannel: "email",
  },
  change_approved: {
    label: "Your change was approved",
    audience: "Its requester and implementer",
    defaultChannel: "in_app",
  },
  change_rejected: {
    label: "Your change was rejected",
    audience: "Its requester and implementer",
    defaultChannel: "email",
  },
  gate_refused: {
    label: "Your change was refused at the gate",
    audience: "Its requester and implementer",
    defaultChannel: "email",
  },
  slot_opening: {
    label: "A change you implement opens within 24 hours",
    audience: "The implementer, with the gate's answer at that moment",
    defaultChannel: "email",
  },
  retrospective_due: {
    label: "An emergency sign-off is due within 24 hours",
    audience: "Approvers who owe the retrospective sign-off",
    defaultChannel: "email",
  },
  retrospective_overdue: {
    label: "An emergency sign-off is overdue",
    audience: "Approvers who owe it, and the site's change managers",
    defaultChannel: "email",
  },
  pssr_pending: {
    label: "A pre-startup safety review is pending",
    audience: "Safety approvers at the change's sites",
    defaultChannel: "in_app",
  },
  baseline_overdue: {
    label: "An asset baseline is not updated 25 days after implementation",
    audience: "The change's requester and implementer (CIP-010 R1.3 allows 30 days)",
    defaultChannel: "in_app",
  },
  advisory_due: {
    label: "An advisory's CIP-007 deadline is 7 days away",
    audience: "Security approvers and change managers at the site, who decide applicability and plan the fix",
    defaultChannel: "in_app",
  },
  advisory_overdue: {
    label: "An advisory's CIP-007 deadline has passed",
    audience: "Security approvers and change managers at the site, who decide applicability and plan the fix",
    defaultChannel: "email",
  },
  schedule_conflict: {
    label: "A blackout or critical run now covers an approved change's slot",
    audience: "The change's requester and implementer, and the site's change managers",
    defaultChannel: "email",
  },
  temporary_expiring: {
    label: "A temporary change expires within 3 days",
    audience: "Its implementer and the site's change managers, until its revert closes",
    defaultChannel: "email",
  },
  temporary_expired: {
    label: "A temporary change has expired and is not reverted",
    audience: "Its implementer and the site's change managers",
    defaultChannel: "email",
  },
  delegation: {
    label: "Signing authority is delegated to you, or a delegation ends early",
    audience: "The delegate; when someone else ends it, the approver who delegated too",
    defaultChannel: "email",
  },
};

/** The user's choice for the kind, else the kind's default. */
export function channelFor(
  kind: NotificationKind,
  chosen: NotificationChannel | undefined,
): NotificationChannel {
  return chosen ?? NOTIFICATION_KIND_INFO[kind].defaultChannel;
}
