import { apiRoute, idempotencyOf, json, readJson, searchParams } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { listChanges } from "@/lib/services/changes/list";
import { etag } from "@/lib/http/if-match";

export const GET = apiRoute(async ({ req, actor }) => listChanges(actor, searchParams(req)));

export const POST = apiRoute(async ({ req, actor }) =>
  runIdempotent(actor, idempotencyOf(req), async () => {
    const change = await createChange(actor, (await readJson(req)) as CreateChangeInput);
    return json(change, 201, { etag: etag(change.version), location: `/api/v1/changes/${change.id}` });
  }),
);
