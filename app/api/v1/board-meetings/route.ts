import { apiRoute, json, readJson, searchParams } from "@/lib/http/api";
import { listMeetings } from "@/lib/services/board/list-meetings";
import { scheduleMeeting } from "@/lib/services/board/schedule-meeting";

/** Board meetings at the caller's sites, latest first; `?site=` narrows to one site. */
export const GET = apiRoute(async ({ req, actor }) => {
  const site = (searchParams(req) as { site?: string }).site;
  return { items: await listMeetings(actor, { site: site || undefined }) };
});

/** A change manager schedules a meeting (and a weekly series); answers the meetings created. */
export const POST = apiRoute(async ({ req, actor }) => {
  const items = await scheduleMeeting(actor, (await readJson(req)) as never);
  return json({ items }, 201, { location: `/api/v1/board-meetings/${items[0]!.id}` });
});
