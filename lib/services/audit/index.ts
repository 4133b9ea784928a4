export { listAuditEvents } from "./list-events";
export { exportAuditEvents, type AuditExport } from "./export-events";
export { auditEventsFor, OBJECT_HISTORY_LIMIT } from "./object-history";
export { auditSites, type AuditSite } from "./sites";
export type { AuditEventView } from "./view";
