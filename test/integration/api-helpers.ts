import { NextRequest } from "next/server";
import { expect } from "vitest";

export type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

/** Calls a route handler directly, as Next would, always with an Authorization header (no request scope for cookies here). */
export function call(
  handler: Handler,
  opts: {
    method: string;
    path: string;
    params?: Record<string, string>;
    body?: string;
    token?: string;
    authorization?: string;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: opts.authorization ?? `Bearer ${opts.token}`,
    ...opts.headers,
  };
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  const req = new NextRequest(`http://localhost${opts.path}`, {
    method: opts.method,
    headers,
    body: opts.body,
  });
  return handler(req, { params: Promise.resolve((opts.params ?? {}) as never) });
}

/** The body is JSON (never HTML), so anything echoed back is inert text for the client to escape. */
export async function expectJson(res: Response): Promise<Record<string, unknown>> {
  const type = res.headers.get("content-type") ?? "";
  expect(type).toMatch(/^application\/(problem\+)?json/);
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function expectProblem(res: Response, status: number): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, text.slice(0, 500)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await expectJson(res)) as unknown as Problem;
  expect(body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.any(String),
  });
  expect(body.detail).not.toMatch(/ZodError|TypeError|stack|node_modules|select |insert /i);
  return body;
}

export const MALFORMED_BODIES = ["{", "{'code': 1}", "nul", "[1, 2", '{"a":}', "\u0000", "   ", ""];

export const WRONG_SHAPES: unknown[] = [null, [], "a string", 42, true, [{ code: "A" }]];

/** Strings no code, zone, id or number accepts. */
export const HOSTILE_STRINGS = [
  "'; drop table users; --",
  "1 OR 1=1",
  "<script>alert(1)</script>",
  "\u0000",
  "A\u0000B",
  "\u202eEVIL",
  "Zürich",
  "../../etc/passwd",
  "",
  " ",
];
