export { listAuditEvents } from "./list-events";
export { exportAuditEvents, MAX_EXPORT_ROWS, type AuditExport } from "./export-events";
export { auditEventsFor, OBJECT_HISTORY_LIMIT } from "./object-history";
export { verifyTrail } from "./verify-trail";
export { auditSites, type AuditSite } from "./sites";
export type { AuditEventView } from "./view";
