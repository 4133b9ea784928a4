import { apiRoute, searchParams } from "@/lib/http/api";
import { auditExportFormatSchema } from "@/lib/schemas/audit";
import { exportAuditEvents } from "@/lib/services/audit";

export const GET = apiRoute(async ({ req, actor }) => {
  const { format, ...query } = searchParams(req);
  const file = await exportAuditEvents(actor, query, auditExportFormatSchema.parse(format || "csv"));
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-interlock-export-up-to-id": String(file.upToId),
    },
  });
});
