import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listNotificationPreferences } from "@/lib/services/notifications/list-preferences";
import { setPreferenceAction } from "../actions";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  const actor = await requireActor();
  const items = await listNotificationPreferences(actor);
  return (
    <>
      <PageHeader
        title="How you are told"
        description={
          <>
            Everything appears under the bell. Choose per kind whether you also get an e-mail at once or one
            daily digest (sent once a day from 06:00 UTC).{" "}
            <Link href="/notifications" className="underline">
              Back to notifications
            </Link>
          </>
        }
      />
      <PreferencesForm items={items} save={setPreferenceAction} />
    </>
  );
}
