import type { AuditAction } from "./actions";

/**
 * Each action in words, for pages and exports. A Record over AuditAction, so adding an action
 * without its label does not compile. The raw code stays available (tooltips, the CSV's action column).
 */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "auth.login": "Signed in",
  "auth.login_failed": "Sign-in failed",
  "auth.login_refused": "Sign-in refused",
  "auth.locked": "Account locked after failed sign-ins",
  "auth.logout": "Signed out",
  "user.create": "User created",
  "user.update": "User edited",
  "user.disable": "User disabled",
  "user.enable": "User enabled",
  "user.password_reset": "Password reset",
  "user.password_change": "Password changed",
  "role.grant": "Role granted",
  "role.revoke": "Role revoked",
  "role.idp_held": "Role from the identity provider held for approval",
  "role.idp_approve": "Role from the identity provider approved",
  "role.idp_decline": "Role from the identity provider declined",
  "user.identity_link": "Single sign-on identity linked",
  "sso.mapping_create": "Role mapping added",
  "sso.mapping_delete": "Role mapping removed",
  "standard_model.propose": "Standard change model proposed",
  "standard_model.revise": "Standard change model edited (new version)",
  "standard_model.sign": "Standard change model signed by the change board",
  "standard_model.retire": "Standard change model retired",
  "standard_model.reauth_refused": "Standard change model signature refused at the identity provider",
  "delegation.create": "Signing authority delegated",
  "delegation.revoke": "Delegation of signing authority ended",
  "site.create": "Site created",
  "site.update": "Site edited",
  "area.create": "Area created",
  "asset.create": "Asset created",
  "asset.update": "Asset edited",
  "asset.import": "Assets imported",
  "asset.export": "Assets exported",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "change.reevaluate": "Change re-evaluated after an asset edit",
  "change.create": "Change created",
  "change.update": "Change edited",
  "change.submit": "Change submitted for approval",
  "change.approve": "Change fully approved",
  "change.reject": "Change rejected",
  "change.revise": "Change sent back for revision",
  "change.cancel": "Change cancelled",
  "change.start": "Implementation started",
  "change.complete": "Implementation completed",
  "change.extension_request": "Later expiry of a temporary change requested",
  "change.extension_sign": "Later expiry of a temporary change signed",
  "change.integrity_refused": "Completion refused: integrity check failed",
  "change.pssr": "Pre-startup safety review recorded",
  "change.close": "Change closed",
  "signoff.sign": "Sign-off given",
  "signoff.supersede": "Sign-off superseded",
  "signoff.reauth_refused": "Signature refused: the identity provider did not confirm the signer",
  "gate.decision": "Deployment gate checked",
  "board.schedule": "Board meeting scheduled",
  "board.decision": "Board decision recorded",
  "board.minutes": "Board minutes recorded",
  "window.create": "Maintenance window created",
  "window.update": "Maintenance window edited",
  "window.cancel_occurrence": "Window occurrence cancelled",
  "window.end_series": "Window series ended",
  "window.delete": "Maintenance window deleted",
  "production_run.create": "Production run created",
  "production_run.update": "Production run edited",
  "production_run.delete": "Production run deleted",
  "production_run.import": "Production runs imported",
  "calendar_feed.create": "Calendar feed created",
  "calendar_feed.revoke": "Calendar feed revoked",
  "advisory.import": "Advisory imported",
  "advisory.match_decide": "Advisory match decided",
  "advisory.applicability": "Advisory applicability recorded",
  "advisory.draft_changes": "Changes drafted from an advisory",
  "advisory.mitigation_plan": "Advisory mitigation plan recorded",
  "advisory.plan_extend": "Advisory mitigation plan extended",
  "kev.import": "Known-exploited list imported",
  "audit.export": "Audit trail exported",
  "database.backup": "Database backed up",
  "notification.preference": "Notification preference changed",
  "webhook.create": "Webhook registered",
  "webhook.update": "Webhook edited",
  "webhook.rotate_secret": "Webhook secret rotated",
  "webhook.delete": "Webhook removed",
};

/** The words for an action; an unknown code (from a newer version) is shown as it is. */
export const actionLabel = (action: string): string =>
  (ACTION_LABELS as Record<string, string>)[action] ?? action;

/**
 * Shorter words inside one object's own history (a change's, an asset's), where the object is
 * implied: "Submitted" rather than "Change submitted for approval". Others read as actionLabel.
 */
export const HISTORY_ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "asset.create": "Created",
  "asset.update": "Edited",
  "asset.import": "Imported from CSV",
  "change.create": "Created",
  "change.update": "Edited",
  "change.submit": "Submitted",
  "change.approve": "Approved",
  "change.reject": "Rejected",
  "change.revise": "Revised (back to draft)",
  "change.cancel": "Cancelled",
  "change.start": "Implementation started",
  "change.complete": "Outcome recorded",
  "change.extension_request": "Later expiry requested",
  "change.extension_sign": "Later expiry signed",
  "change.pssr": "PSSR requested",
  "change.close": "Closed",
  "signoff.sign": "Signed",
  "signoff.supersede": "Sign-off superseded",
  "gate.decision": "Gate decision",
};

/** An action in an object's own history. */
export const historyActionLabel = (action: string): string =>
  (HISTORY_ACTION_LABELS as Record<string, string>)[action] ?? actionLabel(action);

/** An actor as the trail stores one for the command line: "cli:user@host". */
const CLI_ACTOR = /^cli:(?:[^@]*@)?(.*)$/;

/** Whether an actor is a person (with an email worth showing) rather than the system. */
export const isPersonActor = (email: string | null): email is string => !!email && !CLI_ACTOR.test(email);

/**
 * Who did it, in words: a person by name (else email), the command line as "Command line
 * (host)", and an event without an actor as Interlock itself. The raw value stays in the trail.
 */
export function actorLabel(email: string | null, name?: string | null): string {
  if (!email) return "Interlock (automatic)";
  const cli = CLI_ACTOR.exec(email);
  if (cli) return cli[1] ? `Command line (${cli[1]})` : "Command line";
  return name || email;
}
