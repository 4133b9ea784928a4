import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { actorFromFeedToken } from "@/lib/auth/feed";
import { apiRoute } from "@/lib/http/api";
import { clientIp } from "@/lib/http/client-ip";
import { errorToProblem, problemResponse } from "@/lib/http/problem";
import { calendarIcs } from "@/lib/services/schedule/calendar-ics";
import { notFound } from "@/lib/services/base/errors";

type Params = { file: string };

async function ics(req: NextRequest, actor: Actor, file: string): Promise<Response> {
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31})\.ics$/.exec(file);
  if (!m) throw notFound("Calendar");
  const siteCode = m[1]!.toUpperCase();
  const body = await calendarIcs(actor, siteCode, { baseUrl: req.nextUrl.origin });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${siteCode}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}

const withBearerOrSession = apiRoute<Params>(async ({ req, actor, params }) => ics(req, actor, params.file));

/**
 * GET /api/v1/calendar/{siteCode}.ics. Calendar clients cannot send an Authorization header,
 * so a secret per-user URL (?feed=…) is accepted too; otherwise bearer token or session.
 */
export async function GET(req: NextRequest, context: { params: Promise<Params> }): Promise<Response> {
  const feed = req.nextUrl.searchParams.get("feed");
  if (feed === null) return withBearerOrSession(req, context);
  try {
    const actor = await actorFromFeedToken(feed, clientIp(req.headers));
    if (!actor)
      return problemResponse({
        status: 401,
        detail: "This calendar feed URL is invalid or was revoked; create a new one in your profile.",
      });
    return await ics(req, actor, (await context.params).file);
  } catch (e) {
    return errorToProblem(e);
  }
}
