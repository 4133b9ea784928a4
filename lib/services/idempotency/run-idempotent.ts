import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/base/errors";

/** A write as the Idempotency-Key rule sees it: the key the client sent (if any), and what it was for. */
export interface IdempotentRequest {
  key: string | null;
  method: string;
  path: string;
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Replays the stored response when a retried write carries the same Idempotency-Key, so a
 * client that lost the first answer does not create a second object. A key reused for another
 * request is a 409; answers of 500 and above are not stored, so such a write may be retried.
 */
export async function runIdempotent(
  actor: Actor,
  request: IdempotentRequest,
  run: () => Promise<Response>,
): Promise<Response> {
  const { key, method, path } = request;
  if (!key || !actor.userId) return run();
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw new ServiceError(
      "invalid",
      `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
    );
  const db = await getDb();
  const [prior] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key)));
  if (prior) {
    if (prior.method !== method || prior.path !== path)
      throw new ServiceError("conflict", "This Idempotency-Key was already used for a different request.");
    return new Response(prior.body, {
      status: prior.status,
      headers: { "content-type": "application/json", "idempotent-replay": "true" },
    });
  }
  const response = await run();
  if (response.status < 500) {
    const body = await response.clone().text();
    await db
      .insert(idempotencyKeys)
      .values({ userId: actor.userId, key, method, path, status: response.status, body })
      .onConflictDoNothing();
  }
  return response;
}
