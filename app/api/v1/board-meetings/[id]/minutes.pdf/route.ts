import { toLocalInput } from "@/lib/domain/site-time";
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
      // The site's own date of the meeting, as the minutes name it.
      "content-disposition": `attachment; filename="board-minutes-${meeting.siteCode}-${toLocalInput(meeting.startsAt, meeting.timeZone).slice(0, 10)}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
