import { NextResponse, type NextRequest } from "next/server";
import { portalBaseUrl } from "@/lib/auth/oidc/client";
import { currentActor } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { completeSsoSignature } from "@/lib/services/sso/complete-sso-signature";

/** The identity provider sends an SSO signer back here; the change (or catalog model) page then shows the outcome. */
export async function GET(req: NextRequest) {
  const to = (path: string) => NextResponse.redirect(new URL(path, portalBaseUrl()), 303);
  const actor = await currentActor();
  if (!actor) return to("/login");
  const outcome = await completeSsoSignature(actor, Object.fromEntries(req.nextUrl.searchParams), {
    ip: clientIp(req.headers),
    userAgent: req.headers.get("user-agent"),
  });
  if (outcome.modelId) {
    const model = `/catalog/${outcome.modelId}`;
    return to(outcome.signed ? `${model}?done=signed` : `${model}?reauth=${outcome.requestId}`);
  }
  if (!outcome.changeId) return to("/approvals");
  const page = `/changes/${outcome.changeId}`;
  return to(outcome.signed ? `${page}?tab=signoffs` : `${page}?reauth=${outcome.requestId}`);
}
