import { apiRoute } from "@/lib/http/api";
import { getMeeting } from "@/lib/services/board/get-meeting";

type Params = { id: string };

/** A meeting with its agenda (while open), decisions, attendees and notes. */
export const GET = apiRoute<Params>(async ({ actor, params }) => getMeeting(actor, params.id));
