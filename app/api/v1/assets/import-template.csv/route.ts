import { apiRoute } from "@/lib/http/api";
import { CSV_BOM } from "@/lib/csv/write";
import { importTemplateCsv } from "@/lib/services/assets/csv";

export const GET = apiRoute(async () => {
  return new Response(`${CSV_BOM}${importTemplateCsv()}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="asset-import-template.csv"',
      "cache-control": "no-store",
    },
  });
});
