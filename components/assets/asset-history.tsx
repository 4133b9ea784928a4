import { SiteTime } from "@/components/changes/site-time";
import { purdueLabel } from "./badges";
import type { AssetHistoryEvent } from "@/lib/types/assets";
import {
  actorLabel,
  historyActionLabel,
  ASSET_KIND_LABELS,
  CRITICALITY_LABELS,
  EXPOSURE_LABELS,
} from "@/lib/domain/labels";

const FIELD_LABELS: Record<string, string> = {
  siteCode: "Site",
  areaCode: "Area",
  tag: "Tag",
  name: "Name",
  kind: "Kind",
  vendor: "Vendor",
  product: "Product",
  modelNumber: "Model number",
  version: "Version",
  purdueLevel: "Purdue level",
  zone: "Zone",
  criticality: "Criticality",
  safetyRelated: "Safety-related",
  gxp: "GxP",
  exposure: "Exposure",
  redundancyGroup: "Redundancy group",
};

/** Coded fields in words, as the asset page shows them. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: ASSET_KIND_LABELS,
  criticality: CRITICALITY_LABELS,
  exposure: EXPOSURE_LABELS,
};

/** Identifiers read as typed (monospace); every other value is words. */
const CODE_FIELDS = new Set(["tag", "modelNumber", "version", "zone", "redundancyGroup"]);

function show(v: unknown, field?: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (field === "purdueLevel" && typeof v === "number") return purdueLabel(v);
  if (typeof v === "string") return (field && VALUE_LABELS[field]?.[v]) ?? v;
  return JSON.stringify(v);
}

/** The asset's trail, newest first: edits list each changed field with old and new value. */
export function AssetHistory({ events, timeZone }: { events: AssetHistoryEvent[]; timeZone: string }) {
  if (events.length === 0) return <p className="p-4 text-sm text-slate-600">No recorded events.</p>;
  return (
    <ol className="divide-y divide-slate-100">
      {events.map((e) => {
        const edit = e.action === "asset.update";
        // Edits list what changed; a creation lists the values it was given, in the form's order.
        const fields = Object.keys(FIELD_LABELS).filter(
          (k) => e.after && k in e.after && (edit || show(e.after[k]) !== "—"),
        );
        return (
          <li key={e.id} className="px-4 py-3">
            <p className="text-sm text-slate-900">
              <span className="font-medium">{historyActionLabel(e.action)}</span> by{" "}
              {actorLabel(e.actorEmail, e.actorName)}
              <span className="text-slate-600">
                {" · "}
                <SiteTime at={e.at} zone={timeZone} />
              </span>
            </p>
            {e.reason ? <p className="text-xs text-slate-600">{e.reason}</p> : null}
            {fields.length ? (
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
                {fields.map((f) => (
                  <div key={f} className="contents">
                    <dt className="text-slate-600">{FIELD_LABELS[f]}</dt>
                    <dd className={`break-all text-slate-900 ${CODE_FIELDS.has(f) ? "font-mono" : ""}`}>
                      {edit ? (
                        <>
                          <del className="text-red-800">{show(e.before?.[f], f)}</del>
                          <span aria-hidden="true"> → </span>
                          <span className="sr-only"> changed to </span>
                          <ins className="text-green-800 no-underline">{show(e.after?.[f], f)}</ins>
                        </>
                      ) : (
                        show(e.after?.[f], f)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
