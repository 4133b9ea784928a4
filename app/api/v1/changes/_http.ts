// Request details shared by the change routes. Not a route: Next ignores _-prefixed files.
import type { NextRequest } from "next/server";
import { MAX_BODY_BYTES, readJson } from "@/lib/http/api";
import { clientIp } from "@/lib/http/client-ip";
import { problemResponse } from "@/lib/http/problem";
import { ServiceError } from "@/lib/services/base/errors";
import type { ChangeView, ClientInfo } from "@/lib/types/changes";

export type Params = { id: string };

export function clientOf(req: NextRequest): ClientInfo {
  return { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") };
}

/** Cancel and revise take an optional `{reason}`; an empty body means no reason. */
export async function optionalJson(req: NextRequest): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? -1);
  if (declared === 0) return {};
  const text = await req.clone().text();
  if (!text.trim()) return {};
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new ServiceError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  return readJson(req);
}

export const etag = (change: Pick<ChangeView, "version">) => `"${change.version}"`;

/**
 * PATCH needs the version the client read: `If-Match: "3"` (also `3` or `W/"3"`). Without it
 * the edit could silently overwrite someone else's, so it is refused with 428.
 */
export function ifMatchVersion(req: NextRequest): number | Response {
  const header = req.headers.get("if-match");
  if (header === null || header.trim() === "" || header.trim() === "*") {
    return problemResponse({
      status: 428,
      title: "Precondition required",
      type: "https://interlock.invalid/problems/precondition_required",
      detail:
        'Send If-Match with the version you read (for example If-Match: "3"), so that an edit never overwrites someone else\'s.',
    });
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new ServiceError(
      "bad_request",
      'If-Match must be the change\'s version, for example If-Match: "3".',
    );
  return Number(m[1]);
}
