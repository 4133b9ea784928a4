// X-Interlock-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">. Receivers
// recompute it over the raw body and reject a t older than five minutes (replays).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Interlock-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, rawBody: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** What a receiver does: true only for a matching signature made within the tolerance. */
export function verifyWebhook(
  header: string | null | undefined,
  rawBody: string,
  secret: string,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((kv) => {
      const i = kv.indexOf("=");
      return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1!, "hex"));
}

/**
 * Whether Interlock may POST to this URL: http or https only, no credentials in it, and, when an
 * allow-list is configured, a host on it ("hooks.example.com", "*.example.com", "10.0.0.5:8080").
 * Returns the refusal in words, or null.
 */
export function webhookUrlRefusal(raw: string, allowList: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL such as https://deploy.example.com/interlock.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Only http and https URLs can receive webhooks.";
  if (url.username || url.password)
    return "Leave user name and password out of the URL; the signature authenticates Interlock.";
  if (allowList.length === 0) return null;
  const host = url.hostname.toLowerCase();
  const hostPort = `${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  const ok = allowList.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (!e) return false;
    if (e.startsWith("*.")) return host.endsWith(e.slice(1));
    return e.includes(":") ? e === hostPort : e === host;
  });
  return ok
    ? null
    : `${host} is not on the webhook allow-list (INTERLOCK_WEBHOOK_ALLOW); ask the administrator of this server.`;
}
