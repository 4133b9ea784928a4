import { apiRoute, idempotencyOf, json, readJson, searchParams } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { etag } from "@/lib/http/if-match";
import { createWindow } from "@/lib/services/schedule/create-window";
import { listOccurrences } from "@/lib/services/schedule/list-occurrences";

/** Occurrences of the site's windows and blackouts in [from, to), in UTC with site-local times. */
export const GET = apiRoute(async ({ req, actor }) => listOccurrences(actor, searchParams(req) as never));

export const POST = apiRoute(async ({ req, actor }) =>
  runIdempotent(actor, idempotencyOf(req), async () => {
    const window = await createWindow(actor, (await readJson(req)) as never);
    return json(window, 201, { location: `/api/v1/windows/${window.id}`, etag: etag(window.sequence) });
  }),
);
