import { apiRoute, idempotencyOf, json } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { draftChanges } from "@/lib/services/advisories/draft-changes";

/** One draft change per site with affected assets; sites already covered are listed in `skipped`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  runIdempotent(actor, idempotencyOf(req), async () => {
    const result = await draftChanges(actor, params.id);
    return json(result, result.changes.length ? 201 : 200);
  }),
);
