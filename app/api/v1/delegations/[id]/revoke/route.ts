import { apiRoute, readJson } from "@/lib/http/api";
import { revokeDelegation } from "@/lib/services/delegations/revoke-delegation";

/** The body (a reason) is optional. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = (await req.clone().text()).trim() ? await readJson(req) : {};
  return revokeDelegation(actor, params.id, body);
});
