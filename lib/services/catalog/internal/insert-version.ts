import "server-only";
import type { Tx } from "@/db/client";
import { standardModelVersions } from "@/db/schema";
import { modelContentHash, type ModelContent } from "@/lib/domain/catalog/model";

/** A model's content as a version row stores it (and the hash reads it). */
type VersionContent = ModelContent & Pick<typeof standardModelVersions.$inferInsert, keyof ModelContent>;

/** A new version of a model, awaiting the change board, its content hashed as the board will sign it. */
export async function insertModelVersion(
  tx: Tx,
  v: { modelId: string; version: number; content: VersionContent; by: string; at: Date },
) {
  const [row] = await tx
    .insert(standardModelVersions)
    .values({
      modelId: v.modelId,
      version: v.version,
      ...v.content,
      contentHash: modelContentHash(v.modelId, v.version, v.content),
      proposedAt: v.at,
      proposedBy: v.by,
    })
    .returning();
  return row!;
}
