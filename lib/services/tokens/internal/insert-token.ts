import "server-only";
import type { Tx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { newSecret, sha256 } from "@/lib/auth/secrets";

const PREFIX_LENGTH = 12;

export async function insertToken(tx: Tx, userId: string, name: string, expiresAt: Date) {
  const token = newSecret("ilk");
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), tokenPrefix: token.slice(0, PREFIX_LENGTH), expiresAt })
    .returning();
  return { token, row: row! };
}
