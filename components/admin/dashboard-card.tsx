import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { ADMIN_AREAS } from "./admin-areas";

/** An administrator without site roles sees no site data; the dashboard says so and lists what they can do. */
export function AdminDashboardCard() {
  return (
    <Card>
      <CardHeader
        title="Administration"
        description="You administer Interlock but hold no site roles, so no changes, assets or schedules are shown. Administering grants no site role; grant roles on each user's page."
      />
      <ul className="divide-y divide-slate-100" aria-label="Administration">
        {ADMIN_AREAS.map((a) => (
          <li key={a.href} className="px-4 py-2 text-sm">
            <Link href={a.href} className="font-medium">
              {a.label}
            </Link>
            <span className="block text-xs text-slate-700">{a.description}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
