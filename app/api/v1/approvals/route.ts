import { apiRoute } from "@/lib/http/api";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";

/** Changes awaiting the caller's sign-off at their sites, oldest first. */
export const GET = apiRoute(async ({ actor }) => ({ items: await approvalsInbox(actor), nextCursor: null }));
