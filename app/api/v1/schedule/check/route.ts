import { apiRoute, readJson } from "@/lib/http/api";
import { checkSlot } from "@/lib/services/schedule/check-slot";

/** Every conflict of a proposed slot, blocking or not; nothing is written. */
export const POST = apiRoute(async ({ req, actor }) => checkSlot(actor, (await readJson(req)) as never));
