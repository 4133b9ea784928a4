import { apiRoute, readJson } from "@/lib/http/api";
import { saveMinutes } from "@/lib/services/board/save-minutes";

type Params = { id: string };

/** The chair saves attendees and notes; `close: true` makes the minutes final. */
export const PUT = apiRoute<Params>(async ({ req, actor, params }) =>
  saveMinutes(actor, params.id, (await readJson(req)) as never),
);
