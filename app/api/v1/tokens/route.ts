import { apiRoute, json, readJson, searchParams } from "@/lib/http/api";
import type { CreateTokenInput } from "@/lib/schemas/tokens";
import { createToken } from "@/lib/services/tokens/create-token";
import { listTokens } from "@/lib/services/tokens/list-tokens";

export const GET = apiRoute(async ({ req, actor }) => listTokens(actor, searchParams(req)));

// Not runIdempotent(): a replayed response would have to store the secret, which is never stored.
export const POST = apiRoute(async ({ req, actor }) =>
  json(await createToken(actor, (await readJson(req)) as CreateTokenInput), 201),
);
