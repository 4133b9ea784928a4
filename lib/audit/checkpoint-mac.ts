import { createHmac, timingSafeEqual } from "node:crypto";

export interface CheckpointFields {
  at: Date;
  eventId: number;
  eventHash: string;
}

/** HMAC-SHA256 over the sealed head: which event, its hash, and when it was sealed. */
export function checkpointMac(key: Buffer, c: CheckpointFields): string {
  return createHmac("sha256", key)
    .update(`interlock-audit-checkpoint\n${c.eventId}\n${c.eventHash}\n${c.at.toISOString()}`)
    .digest("hex");
}

export function checkpointMacValid(key: Buffer, c: CheckpointFields & { mac: string }): boolean {
  const expected = Buffer.from(checkpointMac(key, c), "hex");
  const given = Buffer.from(c.mac, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
