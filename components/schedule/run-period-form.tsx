import { Button } from "@/components/ui/button";

const cls = "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900";

/** Which runs the table lists: a GET form, so the period is in the URL. */
export function RunPeriodForm({
  site,
  from,
  days,
  options,
}: {
  site: string;
  from: string;
  days: number;
  options: readonly number[];
}) {
  return (
    <form
      method="get"
      action="/schedule"
      className="flex flex-wrap items-end gap-2"
      aria-label="Production period"
    >
      <input type="hidden" name="site" value={site} />
      <label className="space-y-1 text-xs font-medium text-slate-700">
        <span className="block">From (site date)</span>
        <input type="date" name="from" defaultValue={from} className={cls} />
      </label>
      <label className="space-y-1 text-xs font-medium text-slate-700">
        <span className="block">For</span>
        <select name="days" defaultValue={String(days)} className={cls}>
          {options.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
