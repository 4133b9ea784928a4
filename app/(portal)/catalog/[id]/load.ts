import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/base/errors";
import { getModel } from "@/lib/services/catalog/get-model";
import type { ModelView } from "@/lib/types/catalog";

/** The model for its pages: one at a site the viewer may not see is a 404. */
export async function loadModel(id: string): Promise<ModelView> {
  const actor = await requireActor();
  return getModel(actor, id).catch((e) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
}
