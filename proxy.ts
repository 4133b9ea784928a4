import { NextResponse, type NextRequest } from "next/server";
import { apiFallbackResponse } from "@/lib/http/api-fallback";

/**
 * A strict Content-Security-Policy with a fresh nonce per page: scripts run only when Next.js
 * stamped them with the nonce. Style attributes stay allowed (`style-src-attr 'unsafe-inline'`):
 * the calendar's week grid and timeline and the dashboard's bars size and place elements with
 * server-rendered style attributes computed from data, which a CSP blocks when the HTML is parsed
 * (React's client-side style updates go through CSSOM and are not affected). Dropping it needs
 * that geometry moved to SVG attributes or nonce'd style elements first. Style elements still
 * need the nonce.
 */
export function proxy(request: NextRequest) {
  // The API: an unknown path or method gets problem+json here; everything else goes to its route.
  if (request.nextUrl.pathname === "/api/v1" || request.nextUrl.pathname.startsWith("/api/v1/"))
    return apiFallbackResponse(request.method, request.nextUrl.pathname) ?? NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    "/api/v1",
    "/api/v1/:path*",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
