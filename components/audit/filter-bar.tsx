import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { PageFilters } from "@/lib/audit/page-filters";
import { AUDIT_ACTION_GROUPS } from "@/lib/schemas/audit";
import { KNOWN_OBJECT_TYPES, groupLabel } from "./vocab";

/** A plain GET form: the filters land in the URL and the server renders the result. */
export function AuditFilterBar({
  filters,
  sites,
  zoneLabel,
}: {
  filters: PageFilters;
  sites: { code: string; name: string }[];
  zoneLabel: string;
}) {
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit trail"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Field id="f-site" label="Site">
          <Select name="site" defaultValue={filters.site.toUpperCase()}>
            <option value="">All my sites</option>
            {sites.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} · {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-action" label="Action" className="col-span-2 md:col-span-1 xl:col-span-2">
          <Select name="action" defaultValue={filters.action}>
            <option value="">Any action</option>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <optgroup key={g} label={groupLabel(g)}>
                <option value={`${g}.`}>
                  All {groupLabel(g).toLowerCase()} ({g}.*)
                </option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${g}.`)).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field id="f-object-type" label="Object type">
          <Input
            name="objectType"
            defaultValue={filters.objectType}
            list="audit-object-types"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field id="f-object-id" label="Object id">
          <Input name="objectId" defaultValue={filters.objectId} autoComplete="off" spellCheck={false} />
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
        <Field id="f-from" label="From (day)">
          <Input name="from" type="date" defaultValue={filters.from} />
        </Field>
        <Field id="f-to" label="To (day, included)">
          <Input name="to" type="date" defaultValue={filters.to} />
        </Field>
      </div>
      <datalist id="audit-object-types">
        {KNOWN_OBJECT_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600">
          Days are in {zoneLabel}
          {zoneLabel === "UTC" && !filters.site ? " (choose a site to use its time zone)" : ""}. Site-less
          events such as sign-ins are listed in UTC.
        </p>
        <div className="flex gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/audit">Clear filters</Link>
          </Button>
          <Button type="submit" variant="primary" size="sm">
            Apply filters
          </Button>
        </div>
      </div>
    </form>
  );
}
