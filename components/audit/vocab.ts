import type { BadgeTone } from "@/components/ui/badge";

const GROUP_LABELS: Record<string, string> = {
  auth: "Sign-in",
  user: "Users",
  role: "Roles",
  site: "Sites",
  area: "Areas",
  asset: "Assets",
  token: "API tokens",
  change: "Changes",
  signoff: "Sign-offs",
  gate: "Deployment gate",
  window: "Maintenance windows",
  production_run: "Production runs",
  calendar_feed: "Calendar feeds",
  advisory: "Advisories",
  audit: "Audit trail",
  database: "Database",
};

export const groupLabel = (group: string) => GROUP_LABELS[group] ?? group;

/** Object types the trail records, offered as suggestions; any other type can still be typed. */
export const KNOWN_OBJECT_TYPES = [
  "change",
  "asset",
  "signoff",
  "window",
  "production_run",
  "site",
  "area",
  "user",
  "session",
  "api_token",
  "advisory",
  "audit",
];

const RED = /(login_failed|locked|reject|disable|revoke|delete|cancel|failed|rolled_back)$/;
const AMBER = /^(gate\.|signoff\.supersede|audit\.export|user\.password_reset)/;
const GREEN = /(approve|signoff\.sign|close|auth\.login)$/;

export function actionTone(action: string): BadgeTone {
  if (RED.test(action)) return "red";
  if (AMBER.test(action)) return "amber";
  if (GREEN.test(action)) return "green";
  if (action.startsWith("change.")) return "blue";
  return "gray";
}
