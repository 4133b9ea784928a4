import { apiRoute } from "@/lib/http/api";
import { importTemplateCsv } from "@/lib/services/assets/csv";

export const GET = apiRoute(async () => {
  return new Response(`\uFEFF${importTemplateCsv()}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="asset-import-template.csv"',
      "cache-control": "no-store",
    },
  });
});
