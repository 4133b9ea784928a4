import { CheckCircle2, CircleDashed, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, SectionHeading } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ChangeView, RequiredSignoffView, SignoffView } from "@/lib/types/changes";
import { SiteTime } from "./site-time";
import { SIGNER_TITLES, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { joinList } from "@/lib/domain/changes/wording";

type Status =
  { kind: "satisfied"; by: SignoffView } | { kind: "rejected"; by: SignoffView } | { kind: "missing" };

function matches(req: Pick<RequiredSignoffView, "role" | "siteCode">, s: SignoffView): boolean {
  return s.role === req.role && (req.siteCode === null || s.siteCode === req.siteCode);
}

export function statusOf(
  change: ChangeView,
  req: Pick<RequiredSignoffView, "role" | "siteCode" | "signoffId">,
): Status {
  const current = change.signoffs.filter((s) => s.currentRound && !s.superseded);
  const by = req.signoffId
    ? current.find((s) => s.id === req.signoffId)
    : current.find((s) => s.decision === "approve" && matches(req, s));
  if (by) return { kind: "satisfied", by };
  const rejected = current.find((s) => s.decision === "reject" && matches(req, s));
  return rejected ? { kind: "rejected", by: rejected } : { kind: "missing" };
}

/** "an operations approver of Gulf Coast Refinery", as the plant would say who is awaited. */
export function awaitedWho(
  change: ChangeView,
  role: RequiredSignoffView["role"],
  siteCode: string | null,
): string {
  const names = siteCode
    ? change.sites.filter((s) => s.code === siteCode).map((s) => s.name)
    : change.sites.map((s) => s.name);
  const title = SIGNER_TITLES[role];
  return `${/^[aeiou]/i.test(title) ? "an" : "a"} ${title} of ${joinList(names, "or") || "a site of the change"}`;
}

function RequiredRow({
  change,
  req,
  zone,
}: {
  change: ChangeView;
  req:
    | RequiredSignoffView
    | {
        role: "pssr";
        siteCode: null;
        signoffId: null;
        reason: string;
        retrospective: false;
        dueAt: null;
        overdue: false;
      };
  zone: string;
}) {
  const status = statusOf(change, req);
  const label = `${SIGNOFF_ROLE_LABELS[req.role]}${req.siteCode ? ` (${req.siteCode})` : ""}`;
  return (
    <li
      className="flex items-start gap-2 px-4 py-2"
      data-testid={`required-${req.role}${req.siteCode ? `-${req.siteCode}` : ""}`}
    >
      {status.kind === "satisfied" ? (
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden="true" />
      ) : status.kind === "rejected" ? (
        <XCircle className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden="true" />
      ) : (
        <CircleDashed className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden="true" />
      )}
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium text-slate-900">{label}</span>
          {status.kind === "satisfied" ? (
            <Badge tone="green">Satisfied</Badge>
          ) : status.kind === "rejected" ? (
            <Badge tone="red">Rejected</Badge>
          ) : (
            <Badge tone="gray">Missing</Badge>
          )}
          {req.retrospective ? <Badge tone="amber">Retrospective</Badge> : null}
          {req.overdue ? <Badge tone="red">Overdue</Badge> : null}
        </p>
        <p className="text-xs text-slate-600">{req.reason}</p>
        <p className="text-xs text-slate-800">
          {status.kind === "missing" ? (
            <>
              Awaiting {awaitedWho(change, req.role, req.siteCode)}
              {req.dueAt ? (
                <>
                  {" "}
                  — due by <SiteTime at={req.dueAt} zone={zone} />
                </>
              ) : null}
            </>
          ) : (
            <>
              {status.kind === "satisfied" ? "Approved" : "Rejected"} by {status.by.signerName} on{" "}
              <SiteTime at={status.by.signedAt} zone={zone} />
            </>
          )}
        </p>
      </div>
    </li>
  );
}

export function SignoffRecordTable({
  signoffs,
  zone,
  caption,
  fullHash,
}: {
  signoffs: SignoffView[];
  zone: string;
  caption: string;
  fullHash?: boolean;
}) {
  if (signoffs.length === 0) return <p className="text-sm text-slate-600">No sign-offs yet.</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Signer</Th>
          <Th>Role and meaning</Th>
          <Th>Signed</Th>
          <Th>Comment</Th>
          <Th>Status and content hash</Th>
        </tr>
      </thead>
      <tbody>
        {signoffs.map((s) => (
          <tr
            key={s.id}
            className={s.superseded || !s.currentRound ? "bg-slate-50 text-slate-600" : undefined}
            data-testid="signoff-row"
          >
            <Td className="min-w-32">
              <span className="font-medium">{s.signerName}</span>
              <span className="block text-xs text-slate-600">{s.signerEmail}</span>
              {s.onBehalfOfName ? (
                <span className="mt-0.5 block text-xs text-slate-700">
                  on behalf of <span className="font-medium">{s.onBehalfOfName}</span>
                </span>
              ) : null}
            </Td>
            <Td className="min-w-40">
              <span className="font-medium">
                {SIGNOFF_ROLE_LABELS[s.role]}
                {s.siteCode ? ` (${s.siteCode})` : ""}
              </span>
              {s.retrospective ? <span className="text-xs text-amber-900"> · retrospective</span> : null}
              {s.method === "oidc-reauth" ? (
                <span className="text-xs text-slate-600"> · re-authenticated at the identity provider</span>
              ) : null}
              <span className={`block ${s.decision === "reject" ? "font-medium text-red-800" : ""}`}>
                {s.meaning}
              </span>
            </Td>
            <Td className="whitespace-nowrap">
              <SiteTime at={s.signedAt} zone={zone} />
            </Td>
            <Td className="whitespace-pre-wrap">{s.comment || "—"}</Td>
            <Td>
              {s.superseded ? (
                <span>
                  <Badge tone="amber">Superseded</Badge>
                  <span className="mt-0.5 block text-xs">
                    {s.supersededReason ?? "Superseded by an edit"}
                    {s.supersededAt ? (
                      <>
                        {" "}
                        (<SiteTime at={s.supersededAt} zone={zone} />)
                      </>
                    ) : null}
                  </span>
                </span>
              ) : !s.currentRound ? (
                <Badge>Round {s.round} (earlier)</Badge>
              ) : (
                <Badge tone={s.decision === "approve" ? "green" : "red"}>
                  {s.decision === "approve" ? "Current approval" : "Current rejection"}
                </Badge>
              )}
              <code
                className={`mt-0.5 block font-mono ${fullHash ? "text-[10px] break-all" : "text-xs"}`}
                title={s.contentHash}
              >
                {fullHash ? s.contentHash : s.contentHash.slice(0, 12)}
              </code>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function SignoffsPanel({ change, zone }: { change: ChangeView; zone: string }) {
  // The service lists the PSSR among the required sign-offs; older views may not.
  const pssrRow =
    change.pssrRequired && !change.requiredSignoffs.some((r) => r.role === "pssr")
      ? ({
          role: "pssr",
          siteCode: null,
          signoffId: null,
          reason: "Pre-startup safety review after implementation, before closing",
          retrospective: false,
          dueAt: null,
          overdue: false,
        } as const)
      : null;
  const satisfied = change.requiredSignoffs.filter((r) => r.satisfied).length;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader
          title="Required sign-offs"
          description={`${satisfied} of ${change.requiredSignoffs.length} satisfied in approval round ${change.approvalRound}. Current content hash ${change.contentHash.slice(0, 12)}.`}
        />
        <ul className="divide-y divide-slate-100" aria-label="Required sign-offs">
          {change.requiredSignoffs.map((r) => (
            <RequiredRow key={`${r.role}:${r.siteCode ?? ""}`} change={change} req={r} zone={zone} />
          ))}
          {pssrRow ? <RequiredRow change={change} req={pssrRow} zone={zone} /> : null}
        </ul>
      </Card>
      <section aria-labelledby="signoff-record-heading" className="space-y-2">
        <SectionHeading id="signoff-record-heading">Every sign-off</SectionHeading>
        <p className="text-xs text-slate-600">
          Electronic signatures, newest last. Superseded and earlier-round ones stay on the record and no
          longer count.
        </p>
        <SignoffRecordTable signoffs={change.signoffs} zone={zone} caption="Sign-offs of this change" />
      </section>
    </div>
  );
}
