import { apiRoute } from "@/lib/http/api";
import { proposeSlotsForChange } from "@/lib/services/schedule/propose-slots";

/** ?changeId= or ?assetIds=a,b&durationMinutes=&expectedDowntimeMinutes=&productionImpact=; optional &from=. */
export const GET = apiRoute(async ({ req, actor }) => {
  const q = req.nextUrl.searchParams;
  const assetIds = q
    .getAll("assetIds")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const opt = (name: string) => q.get(name) ?? undefined;
  return proposeSlotsForChange(actor, {
    changeId: opt("changeId"),
    assetIds: assetIds.length ? assetIds : undefined,
    durationMinutes: opt("durationMinutes") as never,
    expectedDowntimeMinutes: opt("expectedDowntimeMinutes") as never,
    productionImpact: opt("productionImpact") as never,
    from: opt("from"),
  });
});
