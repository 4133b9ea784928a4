/** Every kind of audit event, from the one registry (./events): a misspelt action fails closed. */
export { AUDIT_ACTIONS, type AuditAction } from "./events";
