import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireActor } from "@/lib/auth/session";

/** Administration does not exist for anyone else: not even a "forbidden" page discloses it. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
