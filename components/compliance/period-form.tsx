import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { PeriodParams } from "./figure-href";
import { SiteOptions } from "@/components/ui/site-options";

/** A plain GET form: the period lands in the URL and the server renders the figures. */
export function PeriodForm({
  period,
  sites,
  action,
  error,
  figure,
}: {
  period: PeriodParams;
  sites: { code: string; name: string }[];
  action: string;
  error?: string;
  figure?: string;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Choose the site and period"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      {figure ? <input type="hidden" name="figure" value={figure} /> : null}
      <Field id="p-site" label="Site">
        <Select name="site" defaultValue={period.site}>
          <option value="">All my sites</option>
          <SiteOptions sites={sites} />
        </Select>
      </Field>
      <Field id="p-from" label="From (UTC day)">
        <Input type="date" name="from" defaultValue={period.from} />
      </Field>
      <Field id="p-to" label="To (UTC day, inclusive)" error={error}>
        <Input type="date" name="to" defaultValue={period.to} />
      </Field>
      <Button type="submit" variant="primary">
        Show
      </Button>
    </form>
  );
}
