import http from "node:http";
import type { AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, loginAttempts } from "@/db/schema";
import { clientIp } from "@/lib/http/client-ip";
import { LOCKOUT } from "@/lib/services/auth/credentials";
import { signIn } from "@/lib/services/auth/sign-in";
import { isServiceError } from "@/lib/services/base/errors";
import { stampPeer } from "@/scripts/peer-headers.mjs";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

/*
 * The smallest real server on the production code path: a Node HTTP server that does what
 * scripts/server.mjs does before Next (stampPeer), then what Next's base-server does to the
 * request (fills X-Forwarded-For with the socket address only when absent), then hands the
 * headers to the same clientIp + signIn the next-auth authorize callback uses. A production build
 * would add minutes per run and nothing on this path: Next changes no other address header.
 */
let db: Db;
let server: http.Server;
let base: string;
let email: string;

beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("CIP");
  email = (await makeUser(["CIP:requester"])).email;
  server = http.createServer(async (req, res) => {
    stampPeer(req);
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const ip = clientIp(headers);
    const body = JSON.parse(
      await new Promise<string>((r) => {
        let s = "";
        req.on("data", (c: Buffer) => (s += c.toString()));
        req.on("end", () => r(s));
      }),
    ) as { email: string; password: string };
    try {
      await signIn(body, { ip, userAgent: "client-ip.test" });
      res.writeHead(200).end(JSON.stringify({ ip, ok: true }));
    } catch (e) {
      res.writeHead(401).end(JSON.stringify({ ip, ok: false, code: isServiceError(e) ? e.code : "error" }));
    }
  });
  await new Promise<void>((r) => server.listen(3424, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  delete process.env.INTERLOCK_TRUSTED_PROXIES;
});

async function attempt(headers: Record<string, string>, who = email, password = "wrong password") {
  const res = await fetch(base, { method: "POST", headers, body: JSON.stringify({ email: who, password }) });
  return (await res.json()) as { ip: string; ok: boolean; code?: string };
}

async function lastFailureIp(): Promise<string | null> {
  const [row] = await db
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(eq(auditEvents.action, "auth.login_failed"))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.ip ?? null;
}

describe("client address with no trusted proxy (the default)", () => {
  it("records the socket's peer address, not a forged X-Forwarded-For or our own header names", async () => {
    delete process.env.INTERLOCK_TRUSTED_PROXIES;
    const r = await attempt({
      "x-forwarded-for": "203.0.113.77",
      "x-real-ip": "203.0.113.78",
      "x-interlock-peer": "203.0.113.79",
      "x-interlock-forwarded-for": "203.0.113.80",
    });
    expect(r.ip).toBe("127.0.0.1");
    expect(await lastFailureIp()).toBe("127.0.0.1");
  });

  it("counts a burst rotating forged X-Forwarded-For values against the one real address", async () => {
    delete process.env.INTERLOCK_TRUSTED_PROXIES;
    await db.delete(loginAttempts).where(eq(loginAttempts.ip, "127.0.0.1"));
    const codes: string[] = [];
    for (let i = 0; i < LOCKOUT.addressFailures + 2; i++) {
      const r = await attempt(
        { "x-forwarded-for": `198.18.${i >> 8}.${i & 255}` },
        `nobody${i}@example.test`,
      );
      codes.push(r.code ?? "ok");
    }
    expect(codes.slice(0, LOCKOUT.addressFailures).every((c) => c === "unauthenticated")).toBe(true);
    expect(codes.slice(LOCKOUT.addressFailures)).toEqual(["rate_limited", "rate_limited"]);
    await db.delete(loginAttempts).where(eq(loginAttempts.ip, "127.0.0.1"));
  });
});

describe("client address behind one trusted proxy", () => {
  it("takes the address the proxy appended, not what the client put before it", async () => {
    process.env.INTERLOCK_TRUSTED_PROXIES = "1";
    const r = await attempt({ "x-forwarded-for": "203.0.113.77, 192.0.2.10" });
    expect(r.ip).toBe("192.0.2.10");
    expect(await lastFailureIp()).toBe("192.0.2.10");
  });

  it("does not count the peer address Next fills in when no header came: the peer is the client", async () => {
    process.env.INTERLOCK_TRUSTED_PROXIES = "1";
    expect((await attempt({})).ip).toBe("127.0.0.1");
  });

  it("with two proxies, the second address from the right", async () => {
    process.env.INTERLOCK_TRUSTED_PROXIES = "2";
    expect((await attempt({ "x-forwarded-for": "203.0.113.77, 192.0.2.10, 10.0.0.2" })).ip).toBe(
      "192.0.2.10",
    );
  });
});
