import { apiRoute } from "@/lib/http/api";
import { searchParams } from "@/lib/http/api";
import { exportEvidence } from "@/lib/services/compliance/export-evidence";

/** The evidence pack of `?site=&from=&to=` as a streamed ZIP (auditors). */
export const GET = apiRoute(async ({ req, actor }) => {
  const pack = await exportEvidence(actor, searchParams(req));
  return new Response(pack.body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pack.filename}"`,
      "cache-control": "no-store",
    },
  });
});
