import { apiRoute, idempotent, json } from "@/lib/http/api";
import { draftChanges } from "@/lib/services/advisories/draft-changes";

/** One draft change per site with affected assets; sites already covered are listed in `skipped`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  idempotent(req, actor, async () => {
    const result = await draftChanges(actor, params.id);
    return json(result, result.changes.length ? 201 : 200);
  }),
);
