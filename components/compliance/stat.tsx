import Link from "next/link";

/** One headline number that links to the changes behind it. */
export function Stat({
  label,
  value,
  href,
  tone = "slate",
  note,
}: {
  label: string;
  value: React.ReactNode;
  href?: string;
  tone?: "slate" | "green" | "red" | "amber";
  note?: string;
}) {
  const color = {
    slate: "text-slate-900",
    green: "text-emerald-800",
    red: "text-red-800",
    amber: "text-amber-900",
  }[tone];
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>
        {href ? (
          <Link href={href} className="no-underline hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {note ? <p className="mt-0.5 text-xs text-slate-600">{note}</p> : null}
    </div>
  );
}
