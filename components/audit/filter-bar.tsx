import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { PageFilters } from "@/lib/audit/page-filters";
import { AUDIT_ACTION_GROUPS } from "@/lib/schemas/audit";
import { groupLabel } from "./vocab";
import { actionLabel } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

/** The site choice of the trail's filter forms: one of the reader's sites, or all of them. */
export function SiteFilter({
  id,
  value,
  sites,
}: {
  id: string;
  value: string;
  sites: { code: string; name: string }[];
}) {
  return (
    <Field id={id} label="Site">
      <Select name="site" defaultValue={value.toUpperCase()}>
        <option value="">All my sites</option>
        <SiteOptions sites={sites} />
      </Select>
    </Field>
  );
}

/** Why the filters above cannot be applied, when they cannot. */
export function FilterErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="mb-4">
      <Alert title="These filters cannot be applied">
        <ul className="list-disc pl-5">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

/** The foot of a filter form: a note on the times shown, clear and apply. */
export function FilterActions({ clearHref, children }: { clearHref: string; children: React.ReactNode }) {
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
      <p className="text-xs text-slate-600">{children}</p>
      <div className="flex gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link href={clearHref}>Clear filters</Link>
        </Button>
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
      </div>
    </div>
  );
}

/** A plain GET form: the filters land in the URL and the server renders the result. */
export function AuditFilterBar({
  filters,
  sites,
  zoneLabel,
  zoneValue,
}: {
  filters: PageFilters;
  sites: { code: string; name: string }[];
  zoneLabel: string;
  /** The zone in use as the "Times in" choice: "UTC" or a site code. */
  zoneValue: string;
}) {
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit trail"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-9">
        <SiteFilter id="f-site" value={filters.site} sites={sites} />
        <Field id="f-action" label="Action" className="col-span-2 md:col-span-1 xl:col-span-2">
          <Select name="action" defaultValue={filters.action}>
            <option value="">Any action</option>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <optgroup key={g} label={groupLabel(g)}>
                <option value={`${g}.`}>All {groupLabel(g).toLowerCase()}</option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${g}.`)).map((a) => (
                  <option key={a} value={a}>
                    {actionLabel(a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field id="f-ref" label="Object" hint="Change number, asset tag or id">
          <Input
            name="ref"
            defaultValue={filters.ref}
            placeholder="CHG-2026-00006"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field id="f-q" label="Reason contains">
          <Input name="q" defaultValue={filters.q} autoComplete="off" />
        </Field>
        <Field id="f-actor" label="Actor email">
          <Input
            name="actor"
            type="text"
            inputMode="email"
            defaultValue={filters.actor}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        {filters.site ? null : (
          <Field id="f-tz" label="Times in">
            <Select name="tz" defaultValue={filters.tz.toUpperCase() || zoneValue}>
              <option value="UTC">UTC</option>
              {sites.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} time
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field id="f-from" label="From (day)">
          <Input name="from" type="date" defaultValue={filters.from} />
        </Field>
        <Field id="f-to" label="To (day, included)">
          <Input name="to" type="date" defaultValue={filters.to} />
        </Field>
      </div>
      <FilterActions clearHref="/audit">
        Times and days are in {zoneLabel}
        {filters.site ? ", the site's zone" : ""}; hover over a time for{" "}
        {zoneLabel === "UTC" ? "the site's clock" : "UTC"}.
      </FilterActions>
    </form>
  );
}
