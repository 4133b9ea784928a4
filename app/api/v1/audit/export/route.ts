import { apiRoute, searchParams } from "@/lib/http/api";
import { attachmentResponse } from "@/lib/http/attachment";
import { auditExportFormatSchema } from "@/lib/schemas/audit";
import { exportAuditEvents } from "@/lib/services/audit";

export const GET = apiRoute(async ({ req, actor }) => {
  const { format, ...query } = searchParams(req);
  return attachmentResponse(
    await exportAuditEvents(actor, query, auditExportFormatSchema.parse(format || "csv")),
  );
});
