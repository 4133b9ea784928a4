import "server-only";
import type { NextRequest } from "next/server";
import { cookies } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSession, actorFromToken } from "@/lib/auth/resolve";
import { sessionIdFrom } from "@/lib/auth/session";
import { scopeForRequest } from "@/lib/domain/token-scopes";
import { requireScope } from "@/lib/services/authorize";
import { ServiceError } from "@/lib/services/base/errors";
import { clientIp } from "./client-ip";
import { errorToProblem, problemResponse } from "./problem";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface ApiContext<P> {
  req: NextRequest;
  actor: Actor;
  params: P;
}

/**
 * Resolves the caller: a bearer token, or the browser session. A cookie-authenticated write must
 * come from this origin (CSRF); bearer tokens are not sent by browsers on their own, so need no check.
 */
async function resolveActor(req: NextRequest): Promise<Actor | Response> {
  const ip = clientIp(req.headers);
  const auth = req.headers.get("authorization");
  if (auth) {
    const [scheme, token] = auth.split(" ");
    const actor = scheme?.toLowerCase() === "bearer" && token ? await actorFromToken(token.trim(), ip) : null;
    return (
      actor ??
      problemResponse(
        { status: 401, detail: "The token is invalid, expired or revoked." },
        { "www-authenticate": "Bearer" },
      )
    );
  }
  const sid = await sessionIdFrom(await cookies());
  // X-Interlock-Poll: a page polling in the background (the bell), which does not count as use.
  const poll = SAFE.has(req.method) && req.headers.get("x-interlock-poll") === "1";
  const actor = sid ? await actorFromSession(sid, ip, { touch: !poll }) : null;
  if (!actor)
    return problemResponse(
      { status: 401, detail: "Sign in, or send Authorization: Bearer <token>." },
      { "www-authenticate": "Bearer" },
    );
  if (!SAFE.has(req.method)) {
    const origin = req.headers.get("origin");
    const site = req.headers.get("sec-fetch-site");
    const sameOrigin = origin
      ? origin === req.nextUrl.origin || origin === `${req.nextUrl.protocol}//${req.headers.get("host")}`
      : site === "same-origin";
    if (!sameOrigin) return problemResponse({ status: 403, detail: "Cross-site request refused." });
  }
  return actor;
}

type Handler<P> = (ctx: ApiContext<P>) => Promise<Response | object>;

/** `endpoint: "sign"` marks the sign-off endpoint, which a token reaches with the `sign` scope. */
export function apiRoute<P = Record<string, never>>(
  handler: Handler<P>,
  options: { endpoint?: "sign" } = {},
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await resolveActor(req);
      if (actor instanceof Response) return actor;
      requireScope(actor, scopeForRequest(req.method, options.endpoint));
      const params = (await context.params) ?? ({} as P);
      // PostgreSQL cannot hold NUL in text: such an id or code names nothing, and must not reach a query.
      if (
        Object.values(params as Record<string, unknown>).some(
          (v) => typeof v === "string" && v.includes("\u0000"),
        )
      )
        return problemResponse({ status: 404, detail: "Not found." });
      const result = await handler({ req, actor, params });
      return result instanceof Response ? result : json(result);
    } catch (e) {
      return errorToProblem(e);
    }
  };
}

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** Reads a body as text with the size limit, checked on what arrives as well as on what is declared. */
export async function readText(req: Request, advice = ""): Promise<string> {
  const tooBig = () =>
    new ServiceError(
      "payload_too_large",
      `The request body is larger than ${MAX_BODY_BYTES} bytes.${advice}`,
    );
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooBig();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooBig();
  return text;
}

/** Reads a JSON body with a size limit; malformed JSON is a 400 with a plain message, never a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readText(req);
  if (!text.trim()) throw new ServiceError("bad_request", "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ServiceError("bad_request", "The request body is not valid JSON.");
  }
  // JSON may spell half a surrogate pair (\ud800); PostgreSQL refuses to store it, so refuse it here.
  if (!wellFormed(value))
    throw new ServiceError(
      "bad_request",
      "The request body contains text that is not valid Unicode (an unpaired surrogate).",
    );
  return value;
}

function wellFormed(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value && typeof value === "object")
    return Object.entries(value).every(([k, v]) => k.isWellFormed() && wellFormed(v));
  return true;
}

/** The query string as an object; a NUL character (never storable, never meaningful) is a 400. */
export function searchParams(req: NextRequest): Record<string, string> {
  const out: Record<string, string> = {};
  req.nextUrl.searchParams.forEach((v, k) => {
    if (v.includes("\u0000") || k.includes("\u0000"))
      throw new ServiceError(
        "bad_request",
        `The query parameter ${JSON.stringify(k.replaceAll("\u0000", ""))} contains a NUL character.`,
      );
    out[k] = v;
  });
  return out;
}

/** What the Idempotency-Key rule needs to know of a write (lib/services/idempotency). */
export function idempotencyOf(req: NextRequest): { key: string | null; method: string; path: string } {
  return { key: req.headers.get("idempotency-key"), method: req.method, path: req.nextUrl.pathname };
}
