import "server-only";
import type { Actor } from "@/lib/auth/actor";

/** Replaced by the asset inventory work: about 80 realistic assets across both demo sites. */
export async function seedDemoAssets(_actor: Actor): Promise<void> {}
