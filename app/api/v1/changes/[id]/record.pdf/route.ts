import { apiRoute } from "@/lib/http/api";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import type { Params } from "../../_http";

/** The change record as a PDF, for anyone who may see the change (404 otherwise). */
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const record = await getChangeRecord(actor, params.id);
  const pdf = await changeRecordPdf(record);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${record.change.number}-record.pdf"`,
      "cache-control": "no-store",
      "x-interlock-last-event": record.lastEvent ? String(record.lastEvent.id) : "",
    },
  });
});
