// What /api/v1 answers for a path no route serves, or a method a route does not serve: the
// problem+json the rest of the API speaks (404, or 405 with Allow), not the portal's HTML page
// and not Next's empty 405. The routes are read from the OpenAPI document's paths, which
// test/openapi.test.ts holds equal to the route files, so there is no second list to keep.
import { FEATURES } from "@/lib/openapi";
import { HTTP_METHODS } from "@/lib/openapi/registry";
import { problemResponse } from "./problem";

interface Route {
  path: string;
  /** Path segments; null where the path has a {parameter}. */
  segments: (string | null)[];
  methods: string[];
}

const ROUTES: Route[] = FEATURES.flatMap((f) =>
  Object.entries(f.paths).map(([path, spec]) => ({
    path,
    segments: path
      .split("/")
      .filter(Boolean)
      .map((s) => (/^\{[^}]+\}$/.test(s) ? null : s)),
    methods: HTTP_METHODS.filter((m) => spec[m]).map((m) => m.toUpperCase()),
  })),
);

/** Next answers HEAD with GET and OPTIONS with the allowed methods on every route. */
function allowed(route: Route): string[] {
  const methods = new Set(route.methods);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort();
}

/** The route Next would pick: per segment, a literal beats a parameter, left to right. */
export function matchApiRoute(pathname: string): Route | null {
  const parts = pathname.split("/").filter(Boolean);
  let best: Route | null = null;
  for (const route of ROUTES) {
    if (route.segments.length !== parts.length) continue;
    if (!route.segments.every((s, i) => s === null || s === parts[i])) continue;
    if (!best || moreSpecific(route, best)) best = route;
  }
  return best;
}

function moreSpecific(a: Route, b: Route): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    const [x, y] = [a.segments[i] !== null, b.segments[i] !== null];
    if (x !== y) return x;
  }
  return false;
}

export type ApiFallback = { status: 404 } | { status: 405; allow: string[] } | null;

/** Null when a route serves the request; otherwise what to answer instead. */
export function apiFallback(method: string, pathname: string): ApiFallback {
  const route = matchApiRoute(pathname);
  if (!route) return { status: 404 };
  const allow = allowed(route);
  return allow.includes(method.toUpperCase()) ? null : { status: 405, allow };
}

export function apiFallbackResponse(method: string, pathname: string): Response | null {
  const fallback = apiFallback(method, pathname);
  if (!fallback) return null;
  if (fallback.status === 404)
    return problemResponse({
      status: 404,
      detail: `There is no API endpoint at ${pathname}. The endpoints are listed in /api/v1/openapi.json.`,
    });
  return problemResponse(
    {
      status: 405,
      detail: `${pathname} does not answer ${method.toUpperCase()}; it answers ${fallback.allow.join(", ")}.`,
    },
    { allow: fallback.allow.join(", ") },
  );
}
