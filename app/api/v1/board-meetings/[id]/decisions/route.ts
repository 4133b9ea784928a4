import { apiRoute, readJson } from "@/lib/http/api";
import { recordDecision } from "@/lib/services/board/record-decision";
import { clientOf } from "../../../changes/_http";

type Params = { id: string };

/**
 * The chair's decision on an agenda item; approve/reject is the board's e-signature (password),
 * so a token needs the `sign` scope here, as on the sign-off endpoint.
 */
export const POST = apiRoute<Params>(
  async ({ req, actor, params }) =>
    recordDecision(actor, params.id, (await readJson(req)) as never, clientOf(req)),
  { endpoint: "sign" },
);
