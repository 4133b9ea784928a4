import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SiteOptions } from "@/components/ui/site-options";
import { Field, Input, Select } from "@/components/ui/field";
import { MODEL_STATUS_LABELS } from "@/lib/domain/labels";
import { MODEL_LIST_STATES } from "@/lib/schemas/catalog";

/** A plain GET form: the filtered catalog lives in the URL. */
export function CatalogFilters({
  values,
  sites,
}: {
  values: { site: string; state: string; q: string };
  sites: { code: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/catalog"
      role="search"
      aria-label="Filter the catalog"
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <Field id="cf-q" label="Search" className="min-w-48 flex-1">
        <Input type="search" name="q" defaultValue={values.q} placeholder="Code or title" />
      </Field>
      <Field id="cf-site" label="Site">
        <Select name="site" defaultValue={values.site}>
          <option value="">Any</option>
          <SiteOptions sites={sites} />
        </Select>
      </Field>
      <Field id="cf-state" label="Status">
        <Select name="state" defaultValue={values.state}>
          <option value="">Any</option>
          {MODEL_LIST_STATES.map((s) => (
            <option key={s} value={s}>
              {MODEL_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <Button asChild>
          <Link href="/catalog">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
