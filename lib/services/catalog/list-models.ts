import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { modelListQuerySchema, type ModelListQuery } from "@/lib/schemas/catalog";
import { decodeCursor, encodeCursor, type Page } from "@/lib/services/base/page";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ModelSummary } from "@/lib/types/catalog";
import { loadVisibleModels } from "./internal/visible-models";
import { summaryOf } from "./internal/view";

/** The catalog list: filtered by site, status and words of the title or code, sorted by site and code. */
export async function listModels(actor: Actor, query: ModelListQuery = {}): Promise<Page<ModelSummary>> {
  const q = parseInput(modelListQuerySchema, query, "The query");
  const db = await getDb();
  const words = q.q?.toLowerCase();
  const all = (await loadVisibleModels(db, actor, q.site))
    .map(summaryOf)
    .filter((s) => !q.state || s.status === q.state)
    .filter((s) => !words || `${s.code} ${s.title}`.toLowerCase().includes(words))
    .sort((a, b) => a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code));
  const [offset] = (decodeCursor(q.cursor, 1) ?? [0]) as [number];
  const items = all.slice(offset, offset + q.limit);
  const next = offset + q.limit;
  return { items, nextCursor: next < all.length ? encodeCursor([next]) : null };
}
