// Events POSTed to webhook endpoints (issue 13, item 4).

export const WEBHOOK_EVENTS = [
  "change.approved",
  "change.started",
  "change.completed",
  "change.cancelled",
  "gate.refused",
  "signoff.superseded",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "change.approved": "Change approved",
  "change.started": "Change started",
  "change.completed": "Change completed (any outcome)",
  "change.cancelled": "Change cancelled",
  "gate.refused": "Start refused at the gate",
  "signoff.superseded": "Sign-offs superseded by an edit",
};
