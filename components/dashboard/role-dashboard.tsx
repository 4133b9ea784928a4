import type { ComplianceReport } from "@/lib/types/compliance";
import type {
  ApproverPanel,
  DashboardTrends,
  ImplementerPanel,
  ManagerPanel,
  RequesterPanel,
} from "@/lib/types/dashboard";
import { AuditorCard, TrendsCard } from "./oversight-cards";
import { ApproverCard, ImplementerCard, ManagerCard, RequesterCard } from "./role-panels";

/** One card per role the person holds, in the order their day runs: own work, signatures, the site's week, oversight. */
export function RoleDashboard(p: {
  requester: RequesterPanel | null;
  approver: ApproverPanel | null;
  implementer: ImplementerPanel | null;
  manager: ManagerPanel | null;
  trends: DashboardTrends | null;
  report: ComplianceReport | null;
  auditor: boolean;
}) {
  // Cards keep their own height (a short queue beside a long one is not stretched into an empty
  // box), and a card left alone on its row takes the whole row rather than half of it.
  return (
    <div className="mb-4 grid items-start gap-4 lg:grid-cols-2 lg:[&>:last-child:nth-child(odd)]:col-span-2">
      {p.requester ? <RequesterCard data={p.requester} /> : null}
      {p.implementer ? <ImplementerCard data={p.implementer} /> : null}
      {p.approver ? <ApproverCard data={p.approver} /> : null}
      {p.manager ? <ManagerCard data={p.manager} /> : null}
      {p.auditor && p.report ? <AuditorCard report={p.report} /> : null}
      {p.trends ? <TrendsCard trends={p.trends} report={p.report} /> : null}
    </div>
  );
}
