import { Download } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { FeedSubscription } from "@/components/schedule/feed-subscription";
import { createFeedAction } from "./actions";

/** Calendar clients: a direct download (uses the session) and a private subscription URL. */
export function FeedCard({ siteCode }: { siteCode: string }) {
  const href = `/api/v1/calendar/${siteCode}.ics`;
  return (
    <Card>
      <CardHeader
        title="Calendar feed"
        description="Windows, blackouts and scheduled changes as an iCalendar (RFC 5545) feed for Outlook, Google Calendar or Thunderbird."
      />
      <div className="space-y-3 p-4 text-sm">
        <p>
          <a href={href} download className="inline-flex items-center gap-1.5">
            <Download className="size-4" aria-hidden="true" />
            Download {siteCode}.ics
          </a>
          <span className="ml-2 text-xs text-slate-600">
            A one-time snapshot, downloaded with your current sign-in.
          </span>
        </p>
        <div className="border-t border-slate-200 pt-3">
          <h3 className="mb-1 text-sm font-semibold text-slate-900">Subscribe</h3>
          <p className="mb-2 text-xs text-slate-600">
            Calendar apps cannot sign in, so they subscribe with a private URL that carries its own secret and
            shows what you may see.
          </p>
          <FeedSubscription siteCode={siteCode} create={createFeedAction} />
        </div>
      </div>
    </Card>
  );
}
