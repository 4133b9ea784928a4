import { apiRoute, idempotencyOf, json, readJson, searchParams } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { createAsset } from "@/lib/services/assets/create";
import { listAssets } from "@/lib/services/assets/list";
import { etag } from "@/lib/http/if-match";
import { assetResource } from "@/lib/services/assets/resource";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listAssets(actor, searchParams(req));
  return { items: page.items.map(assetResource), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, actor }) =>
  runIdempotent(actor, idempotencyOf(req), async () => {
    const asset = await createAsset(actor, await readJson(req));
    return json(assetResource(asset), 201, {
      location: `/api/v1/assets/${asset.id}`,
      etag: etag(asset.rowVersion),
    });
  }),
);
