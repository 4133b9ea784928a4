// The change-request services: every surface (pages, server actions, REST routes, CLI) calls
// these verbs. Each authorizes the actor, validates with lib/schemas/changes.ts, runs in one
// transaction with the audit event, and throws ServiceError (lib/services/errors.ts).
export { createChange } from "./create";
export { updateChange } from "./update";
export { submitChange } from "./submit";
export { signChange } from "./sign";
export { reviseChange } from "./revise";
export { cancelChange } from "./cancel";
export { startChange } from "./start";
export { evaluateGateFor } from "./gate";
export { completeChange } from "./complete";
export { closeChange } from "./close";
export { getChange } from "./get";
export { listChanges } from "./list";
export { approvalsInbox } from "./inbox";
export { changeHistory } from "./history";
export { changeDashboard } from "./dashboard";
export type * from "./types";
export { CHANGE_UI_ACTIONS } from "./types";
