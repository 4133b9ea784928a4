import { apiRoute, json } from "@/lib/http/api";
import { createCalendarFeed } from "@/lib/services/schedule/create-calendar-feed";
import { revokeCalendarFeeds } from "@/lib/services/schedule/revoke-calendar-feeds";

/** A new secret subscription URL for the caller (shown once); any earlier one stops working. */
export const POST = apiRoute(async ({ req, actor }) =>
  json(await createCalendarFeed(actor, { baseUrl: req.nextUrl.origin }), 201),
);

export const DELETE = apiRoute(async ({ actor }) => json(await revokeCalendarFeeds(actor)));
