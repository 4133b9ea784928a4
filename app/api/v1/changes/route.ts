import { apiRoute, idempotent, json, readJson, searchParams } from "@/lib/http/api";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { listChanges } from "@/lib/services/changes/list";
import { etag } from "./_http";

export const GET = apiRoute(async ({ req, actor }) => listChanges(actor, searchParams(req)));

export const POST = apiRoute(async ({ req, actor }) =>
  idempotent(req, actor, async () => {
    const change = await createChange(actor, (await readJson(req)) as CreateChangeInput);
    return json(change, 201, { etag: etag(change), location: `/api/v1/changes/${change.id}` });
  }),
);
