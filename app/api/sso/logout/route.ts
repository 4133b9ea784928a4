import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { endSessionUrl, portalBaseUrl } from "@/lib/auth/oidc/client";

/**
 * Where the browser goes after Interlock's own sign-out: the provider's end_session_endpoint
 * (RP-initiated logout, with the ID token as hint) for a session opened by single sign-on, else
 * the sign-in page. Asked before next-auth's sign-out clears the cookie that holds the hint.
 */
export async function GET(req: NextRequest) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET });
  const idToken = typeof token?.idt === "string" ? token.idt : null;
  let url: string | null = null;
  if (idToken) {
    try {
      url = await endSessionUrl(idToken, `${portalBaseUrl()}/login`);
    } catch {
      // The provider is unreachable: Interlock's session still ends; the provider's stays.
      url = null;
    }
  }
  return NextResponse.json({ url: url ?? "/login" }, { headers: { "cache-control": "no-store" } });
}
