import { apiRoute, idempotent, json, readJson, searchParams } from "@/lib/http/api";
import { etag } from "@/lib/http/if-match";
import { createWindow } from "@/lib/services/schedule/create-window";
import { listOccurrences } from "@/lib/services/schedule/list-occurrences";

/** Occurrences of the site's windows and blackouts in [from, to), in UTC with site-local times. */
export const GET = apiRoute(async ({ req, actor }) => listOccurrences(actor, searchParams(req) as never));

export const POST = apiRoute(async ({ req, actor }) =>
  idempotent(req, actor, async () => {
    const window = await createWindow(actor, (await readJson(req)) as never);
    return json(window, 201, { location: `/api/v1/windows/${window.id}`, etag: etag(window.sequence) });
  }),
);
