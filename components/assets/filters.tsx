import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ASSET_KINDS, CRITICALITIES, EXPOSURES } from "@/lib/domain/constants";
import { ASSET_KIND_LABELS, CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

export interface FilterValues {
  q: string;
  site: string;
  area: string;
  kind: string;
  criticality: string;
  safetyRelated: string;
  gxp: string;
  exposure: string;
  sort: string;
  dir: string;
}

interface SiteOption {
  code: string;
  name: string;
  areas: { code: string; name: string }[];
}

/** A plain GET form: the filtered list lives in the URL, so it can be bookmarked and shared. */
export function AssetFilters({ values, sites }: { values: FilterValues; sites: SiteOption[] }) {
  return (
    <form
      method="get"
      action="/assets"
      role="search"
      aria-label="Filter assets"
      className="mb-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="sort" value={values.sort} />
      <input type="hidden" name="dir" value={values.dir} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Field id="f-q" label="Search" className="col-span-2">
          <Input
            type="search"
            name="q"
            defaultValue={values.q}
            placeholder="Tag, name, vendor, product, model…"
          />
        </Field>
        <Field id="f-site" label="Site">
          <Select name="site" defaultValue={values.site}>
            <option value="">Any</option>
            <SiteOptions sites={sites} />
          </Select>
        </Field>
        <Field id="f-area" label="Area">
          <Select name="area" defaultValue={values.area}>
            <option value="">Any</option>
            {sites.map((s) => (
              <optgroup key={s.code} label={s.code}>
                {s.areas.map((a) => (
                  <option key={`${s.code}-${a.code}`} value={a.code}>
                    {a.code} — {a.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field id="f-kind" label="Kind">
          <Select name="kind" defaultValue={values.kind}>
            <option value="">Any</option>
            {ASSET_KINDS.map((k) => (
              <option key={k} value={k}>
                {ASSET_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-criticality" label="Criticality">
          <Select name="criticality" defaultValue={values.criticality}>
            <option value="">Any</option>
            {CRITICALITIES.map((c) => (
              <option key={c} value={c}>
                {CRITICALITY_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-safety" label="Safety-related">
          <Select name="safetyRelated" defaultValue={values.safetyRelated}>
            <option value="">Any</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </Select>
        </Field>
        <Field id="f-gxp" label="GxP">
          <Select name="gxp" defaultValue={values.gxp}>
            <option value="">Any</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </Select>
        </Field>
        <Field id="f-exposure" label="Exposure">
          <Select name="exposure" defaultValue={values.exposure}>
            <option value="">Any</option>
            {EXPOSURES.map((x) => (
              <option key={x} value={x}>
                {EXPOSURE_LABELS[x]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="mt-3 flex gap-2">
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
        <Button asChild size="sm" variant="ghost">
          <Link href="/assets">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
