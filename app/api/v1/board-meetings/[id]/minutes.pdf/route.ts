import { apiRoute } from "@/lib/http/api";
import { boardMinutesPdf } from "@/lib/pdf/board-minutes";
import { getMeeting } from "@/lib/services/board/get-meeting";

type Params = { id: string };

/** The minutes as a PDF, for anyone who may see the meeting's site (404 otherwise). */
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const meeting = await getMeeting(actor, params.id);
  const pdf = await boardMinutesPdf(meeting);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="board-minutes-${meeting.startsAt.slice(0, 10)}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
