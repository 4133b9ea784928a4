import { apiRoute, json, readJson, searchParams } from "@/lib/http/api";
import type { CreateDelegationInput } from "@/lib/schemas/delegations";
import { createDelegation } from "@/lib/services/delegations/create-delegation";
import { listDelegations } from "@/lib/services/delegations/list-delegations";

/** Every delegation the caller may see (theirs, and all at sites where they are change manager or auditor). */
export const GET = apiRoute(async ({ req, actor }) => ({
  items: await listDelegations(actor, searchParams(req)),
  nextCursor: null,
}));

export const POST = apiRoute(async ({ req, actor }) =>
  json(await createDelegation(actor, (await readJson(req)) as CreateDelegationInput), 201),
);
