// Request details shared by the change routes. Not a route: Next ignores _-prefixed files.
import type { NextRequest } from "next/server";
import { MAX_BODY_BYTES, readJson } from "@/lib/http/api";
import { clientIp } from "@/lib/http/client-ip";
import { ServiceError } from "@/lib/services/base/errors";
import type { ClientInfo } from "@/lib/types/changes";

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
