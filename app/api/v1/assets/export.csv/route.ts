import { apiRoute, searchParams } from "@/lib/http/api";
import { CSV_BOM } from "@/lib/csv/write";
import { exportAssetsCsv } from "@/lib/services/assets/export";

export const GET = apiRoute(async ({ req, actor }) => {
  const params = searchParams(req);
  const csv = await exportAssetsCsv(actor, params);
  const stamp = new Date().toISOString().slice(0, 10);
  const scope = (params.site ?? "all").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32) || "all";
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (umlauts in names).
  return new Response(`${CSV_BOM}${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="assets-${scope}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
