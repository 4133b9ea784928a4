import { apiRoute } from "@/lib/http/api";
import { backupDatabase } from "@/lib/services/database/backup-database";

/** The embedded database's snapshot, for `npm run interlock -- backup` while this server holds the folder. */
export const GET = apiRoute(async ({ actor }) => {
  const { filename, body } = await backupDatabase(actor);
  return new Response(body, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
