import { apiRoute, searchParams } from "@/lib/http/api";
import { attachmentResponse } from "@/lib/http/attachment";
import { auditExportFormatSchema } from "@/lib/schemas/audit";
import { exportGateChecks } from "@/lib/services/gate-checks/export-gate-checks";

export const GET = apiRoute(async ({ req, actor }) => {
  const { format, ...query } = searchParams(req);
  return attachmentResponse(
    await exportGateChecks(actor, query, auditExportFormatSchema.parse(format || "csv")),
  );
});
