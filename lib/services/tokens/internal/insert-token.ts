import "server-only";
import type { Tx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import type { TokenScope } from "@/lib/domain/token-scopes";

const PREFIX_LENGTH = 12;

export interface NewToken {
  userId: string;
  name: string;
  expiresAt: Date;
  scopes: TokenScope[];
  /** The token used to create this one, if any: revoking it revokes this one too. */
  parentTokenId?: string | null;
}

export async function insertToken(tx: Tx, t: NewToken) {
  const token = newSecret("ilk");
  const [row] = await tx
    .insert(apiTokens)
    .values({ ...t, tokenHash: sha256(token), tokenPrefix: token.slice(0, PREFIX_LENGTH) })
    .returning();
  return { token, row: row! };
}
