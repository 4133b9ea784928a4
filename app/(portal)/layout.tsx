import { Nav } from "@/components/shell/nav";
import { UserMenu } from "@/components/shell/user-menu";
import { NotificationBell } from "@/components/notifications/bell";
import { unreadCount } from "@/lib/services/notifications/count-unread";
import { requireActor } from "@/lib/auth/session";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { ROLE_LABELS } from "@/lib/domain/labels";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const roles = actor.grants.map((g) => `${g.siteCode} · ${ROLE_LABELS[g.role]}`);
  if (actor.isAdmin) roles.unshift("Administrator");
  const approvals = actor.grants.length ? (await approvalsInbox(actor)).length : 0;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="relative border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-screen-2xl items-center justify-between gap-4 px-4 py-2">
          <Nav actor={actor} approvals={approvals} />
          <div className="flex shrink-0 items-center gap-2">
            <NotificationBell initialUnread={await unreadCount(actor)} />
            <UserMenu name={actor.name} email={actor.email} roles={roles} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-5">
        {children}
      </main>
    </div>
  );
}
