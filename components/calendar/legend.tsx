import { AlertTriangle, Ban, Factory, FileText, Wrench } from "lucide-react";
import { cn } from "@/lib/cn";
import { HATCH } from "./item-style";

const ENTRIES = [
  { label: "Maintenance window", icon: Wrench, cls: "border-green-700 bg-green-50" },
  { label: "Blackout (no changes)", icon: Ban, cls: "border-red-700", style: HATCH },
  { label: "Critical production", icon: Factory, cls: "border-orange-700 bg-orange-100" },
  { label: "Normal production", icon: Factory, cls: "border-sky-600 bg-sky-50" },
  { label: "Low-priority production", icon: Factory, cls: "border-slate-400 bg-slate-50" },
  {
    label: "Turnaround (counts as a window)",
    icon: Wrench,
    cls: "border-green-700 border-dashed bg-green-50",
  },
  { label: "Change (colour by state)", icon: FileText, cls: "border-blue-600 bg-blue-50" },
  {
    label: "Change with a conflict",
    icon: AlertTriangle,
    cls: "border-blue-600 bg-blue-50 ring-2 ring-red-600",
  },
];

export function Legend() {
  return (
    <section aria-labelledby="calendar-legend" className="text-xs text-slate-700">
      <h2 id="calendar-legend" className="sr-only">
        Legend
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {ENTRIES.map(({ label, icon: Icon, cls, style }) => (
          <li key={label} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cn("inline-flex h-4 w-6 items-center justify-center rounded border border-l-4", cls)}
              style={style}
            >
              <Icon className="size-3" />
            </span>
            {label}
          </li>
        ))}
      </ul>
    </section>
  );
}
