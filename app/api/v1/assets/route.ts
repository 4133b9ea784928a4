import { apiRoute, idempotent, json, readJson, searchParams } from "@/lib/http/api";
import { createAsset } from "@/lib/services/assets/create";
import { listAssets } from "@/lib/services/assets/list";
import { assetResource, etagOf } from "@/lib/services/assets/resource";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listAssets(actor, searchParams(req));
  return { items: page.items.map(assetResource), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, actor }) =>
  idempotent(req, actor, async () => {
    const asset = await createAsset(actor, await readJson(req));
    return json(assetResource(asset), 201, { location: `/api/v1/assets/${asset.id}`, etag: etagOf(asset) });
  }),
);
