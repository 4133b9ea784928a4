import { Field, Input, Select } from "@/components/ui/field";
import { FilterActions, SiteFilter } from "./filter-bar";

export type GateCheckPageFilters = Record<"site" | "change" | "actor" | "answer" | "from" | "to", string>;

/** A plain GET form: the filters land in the URL and the server renders the result. */
export function GateCheckFilterBar({
  filters,
  sites,
  zoneLabel,
}: {
  filters: GateCheckPageFilters;
  sites: { code: string; name: string }[];
  zoneLabel: string;
}) {
  return (
    <form
      method="get"
      action="/audit/gate-checks"
      aria-label="Filter the gate-check log"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <SiteFilter id="g-site" value={filters.site} sites={sites} />
        <Field id="g-change" label="Change number">
          <Input
            name="change"
            defaultValue={filters.change}
            placeholder="CHG-2026-00006"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field id="g-actor" label="Caller email">
          <Input
            name="actor"
            inputMode="email"
            defaultValue={filters.actor}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field id="g-answer" label="Answer">
          <Select name="answer" defaultValue={filters.answer}>
            <option value="">Any answer</option>
            <option value="allowed">Would open</option>
            <option value="refused">Would refuse</option>
          </Select>
        </Field>
        <Field id="g-from" label="From (day)">
          <Input name="from" type="date" defaultValue={filters.from} />
        </Field>
        <Field id="g-to" label="To (day, included)">
          <Input name="to" type="date" defaultValue={filters.to} />
        </Field>
      </div>
      <FilterActions clearHref="/audit/gate-checks">
        Times and days are in {zoneLabel}; hover over a time for UTC.
      </FilterActions>
    </form>
  );
}
