import { apiRoute, json, readJson } from "@/lib/http/api";
import { etag, ifMatchVersion } from "@/lib/http/if-match";
import { deleteRun } from "@/lib/services/schedule/delete-run";
import { updateRun } from "@/lib/services/schedule/update-run";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expectedSequence = ifMatchVersion(req.headers.get("if-match"), "run's sequence");
  const run = await updateRun(actor, params.id, (await readJson(req)) as never, { expectedSequence });
  return json(run, 200, { etag: etag(run.sequence) });
});

export const DELETE = apiRoute<Params>(async ({ req, actor, params }) => {
  const expectedSequence = ifMatchVersion(req.headers.get("if-match"), "run's sequence");
  await deleteRun(actor, params.id, { expectedSequence });
  return new Response(null, { status: 204 });
});
