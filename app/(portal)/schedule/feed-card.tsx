import { Download } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";

/** Calendar clients: a direct download (uses the session) and a private subscription URL. */
export function FeedCard({ siteCode }: { siteCode: string }) {
  const href = `/api/v1/calendar/${siteCode}.ics`;
  return (
    <Card>
      <CardHeader title="Calendar feed" description="Windows, blackouts and scheduled changes as an iCalendar (RFC 5545) feed for Outlook, Google Calendar or Thunderbird." />
      <div className="space-y-3 p-4 text-sm">
        <p>
          <a href={href} download className="inline-flex items-center gap-1.5">
            <Download className="size-4" aria-hidden="true" />
            Download {siteCode}.ics
          </a>
          <span className="ml-2 text-xs text-slate-600">A one-time snapshot, downloaded with your current sign-in.</span>
        </p>
      </div>
    </Card>
  );
}
