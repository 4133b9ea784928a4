import { Printer } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { ChangeView } from "@/lib/types/changes";
import { RecordPdfLink } from "./record-pdf-link";
import { ClassBadge, OverdueFlag, RiskBadge, StateBadge } from "./badges";
import { SiteTime } from "./site-time";
import { CHANGE_TYPE_LABELS } from "./vocab";

export function ChangeHeader({ change, zone }: { change: ChangeView; zone: string }) {
  return (
    <div className="mb-4 space-y-2">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-xs text-slate-600">{change.number}</p>
          <h1 className="text-lg font-semibold text-slate-900">{change.title}</h1>
        </div>
        <div className="flex gap-2">
          <Button asChild size="sm">
            <Link href={`/changes/${change.id}/print`}>
              <Printer className="size-4" aria-hidden="true" />
              Printable record
            </Link>
          </Button>
          <RecordPdfLink changeId={change.id} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-1.5" data-testid="change-badges">
        <StateBadge state={change.state} />
        <ClassBadge cls={change.class} />
        <RiskBadge risk={change.risk} />
        {change.overdueRetrospective.length > 0 ? <OverdueFlag /> : null}
        <span className="text-xs text-slate-600">
          {CHANGE_TYPE_LABELS[change.type]} · {change.sites.map((s) => s.code).join(", ")} · requested by{" "}
          {change.requesterName} · version {change.version}
        </span>
      </div>
      {change.retrospectiveDueAt && change.class === "emergency" ? (
        <p
          className={`text-sm ${change.overdueRetrospective.length ? "font-medium text-red-800" : "text-amber-900"}`}
          data-testid="retrospective-deadline"
        >
          Emergency change: remaining sign-offs due by <SiteTime at={change.retrospectiveDueAt} zone={zone} />
          {change.overdueRetrospective.length ? " — overdue" : ""}
        </p>
      ) : null}
    </div>
  );
}
