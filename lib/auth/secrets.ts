import { createHash, randomBytes } from "node:crypto";

/** A random secret for a token or session id, and the only form in which it is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
