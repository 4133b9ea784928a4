import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { CHANGE_CLASSES, CHANGE_STATES, CHANGE_TYPES, RISK_LEVELS } from "@/lib/domain/constants";
import { one, type Search } from "./list-query";
import {
  CHANGE_STATE_LABELS,
  CHANGE_CLASS_LABELS,
  CHANGE_TYPE_LABELS,
  RISK_LABELS,
} from "@/lib/domain/labels";

function Choice({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <Field id={`f-${id}`} label={label}>
      <Select name={id} defaultValue={value}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ChangeFilters({ sp, sites }: { sp: Search; sites: { code: string; name: string }[] }) {
  return (
    <form
      method="get"
      action="/changes"
      role="search"
      aria-label="Filter changes"
      className="mb-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Field id="f-q" label="Search" className="col-span-2">
          <Input type="search" name="q" defaultValue={one(sp.q)} placeholder="Number, title, text…" />
        </Field>
        <Choice
          id="site"
          label="Site"
          value={one(sp.site)}
          options={sites.map((s) => [s.code, `${s.code} — ${s.name}`])}
        />
        <Choice
          id="state"
          label="State"
          value={one(sp.state)}
          options={CHANGE_STATES.map((s) => [s, CHANGE_STATE_LABELS[s]])}
        />
        <Choice
          id="type"
          label="Type"
          value={one(sp.type)}
          options={CHANGE_TYPES.map((s) => [s, CHANGE_TYPE_LABELS[s]])}
        />
        <Choice
          id="class"
          label="Class"
          value={one(sp.class)}
          options={CHANGE_CLASSES.map((s) => [s, CHANGE_CLASS_LABELS[s]])}
        />
        <Choice
          id="risk"
          label="Risk"
          value={one(sp.risk)}
          options={RISK_LEVELS.map((s) => [s, RISK_LABELS[s]])}
        />
        <Field id="f-requester" label="Requester email">
          <Input type="email" name="requester" defaultValue={one(sp.requester)} />
        </Field>
        <Field id="f-from" label="Planned from">
          <Input type="date" name="from" defaultValue={one(sp.from)} />
        </Field>
        <Field id="f-to" label="Planned to (inclusive)">
          <Input type="date" name="to" defaultValue={one(sp.to)} />
        </Field>
      </div>
      {one(sp.sort) ? <input type="hidden" name="sort" value={one(sp.sort)} /> : null}
      {one(sp.dir) ? <input type="hidden" name="dir" value={one(sp.dir)} /> : null}
      <div className="mt-3 flex gap-2">
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
        <Button asChild size="sm" variant="ghost">
          <Link href="/changes">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
