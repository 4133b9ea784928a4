import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listSites } from "@/lib/services/sites/list-sites";
import { createUserAction } from "../../actions";

export const metadata: Metadata = { title: "Create user · Administration" };

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const sites = await listSites(actor);
  return (
    <>
      <PageHeader title="Create user" description={<Link href="/admin">← All users</Link>} />
      <Card className="p-4">
        <CreateUserForm
          sites={sites.map((s) => ({ code: s.code, name: s.name }))}
          create={createUserAction}
        />
      </Card>
    </>
  );
}
