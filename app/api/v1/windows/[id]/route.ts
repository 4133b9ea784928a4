import { apiRoute, json, readJson } from "@/lib/http/api";
import { etag, ifMatchVersion } from "@/lib/http/if-match";
import { deleteWindow } from "@/lib/services/schedule/delete-window";
import { getWindow } from "@/lib/services/schedule/get-window";
import { updateWindow } from "@/lib/services/schedule/update-window";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const window = await getWindow(actor, params.id);
  return json(window, 200, { etag: etag(window.sequence) });
});

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expectedSequence = ifMatchVersion(req.headers.get("if-match"), "window's sequence");
  const window = await updateWindow(actor, params.id, (await readJson(req)) as never, { expectedSequence });
  return json(window, 200, { etag: etag(window.sequence) });
});

export const DELETE = apiRoute<Params>(async ({ req, actor, params }) => {
  const expectedSequence = ifMatchVersion(req.headers.get("if-match"), "window's sequence");
  await deleteWindow(actor, params.id, {
    expectedSequence,
    reason: req.nextUrl.searchParams.get("reason") ?? undefined,
  });
  return new Response(null, { status: 204 });
});
