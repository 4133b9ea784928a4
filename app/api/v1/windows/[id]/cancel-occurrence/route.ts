import { apiRoute, json, readJson } from "@/lib/http/api";
import { etag, ifMatchVersion } from "@/lib/http/if-match";
import { cancelOccurrence } from "@/lib/services/schedule/cancel-occurrence";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const expectedSequence = ifMatchVersion(req.headers.get("if-match"), "window's sequence");
  const window = await cancelOccurrence(actor, params.id, (await readJson(req)) as never, {
    expectedSequence,
  });
  return json(window, 200, { etag: etag(window.sequence) });
});
