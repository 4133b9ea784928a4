import { apiRoute, idempotencyOf, json, readJson, searchParams } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { etag } from "@/lib/http/if-match";
import { createRun } from "@/lib/services/schedule/create-run";
import { listRuns } from "@/lib/services/schedule/list-runs";

export const GET = apiRoute(async ({ req, actor }) => listRuns(actor, searchParams(req) as never));

export const POST = apiRoute(async ({ req, actor }) =>
  runIdempotent(actor, idempotencyOf(req), async () => {
    const run = await createRun(actor, (await readJson(req)) as never);
    return json(run, 201, { location: `/api/v1/production-runs/${run.id}`, etag: etag(run.sequence) });
  }),
);
