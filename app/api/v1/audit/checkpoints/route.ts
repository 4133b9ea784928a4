import { apiRoute, json } from "@/lib/http/api";
import { createCheckpoint } from "@/lib/services/audit/create-checkpoint";
import { listCheckpoints } from "@/lib/services/audit/list-checkpoints";

/** The checkpoints as a JSON download, for auditors to keep a copy outside the portal. */
export const GET = apiRoute(async ({ actor }) => {
  const items = await listCheckpoints(actor);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return json({ items }, 200, {
    "content-disposition": `attachment; filename="interlock-audit-checkpoints-${stamp}Z.json"`,
    "cache-control": "no-store",
  });
});

export const POST = apiRoute(async ({ actor }) => {
  const row = await createCheckpoint(actor);
  return json({ ...row, at: row.at.toISOString() }, 201);
});
