"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { SITE_ROLES, type SiteRole } from "@/lib/domain/constants";
import type { FormResult } from "@/lib/schemas/form-result";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

/** Site and role selects; granting asks for confirmation, naming exactly what the person will be able to do where. */
export function GrantRoleForm({
  email,
  sites,
  grant,
}: {
  email: string;
  sites: { code: string; name: string }[];
  grant: (values: { siteCode: string; role: SiteRole }) => Promise<FormResult>;
}) {
  const router = useRouter();
  const [siteCode, setSiteCode] = useState(sites[0]?.code ?? "");
  const [role, setRole] = useState<SiteRole>("requester");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const site = sites.find((s) => s.code === siteCode);

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await grant({ siteCode, role });
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else setError(result.message);
    });
  }

  if (sites.length === 0)
    return <p className="text-sm text-slate-600">Create a site before granting roles.</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setOpen(true);
      }}
    >
      <Field id="grant-site" label="Site" className="w-56">
        <Select value={siteCode} onChange={(e) => setSiteCode(e.target.value)}>
          <SiteOptions sites={sites} />
        </Select>
      </Field>
      <Field id="grant-role" label="Role" className="w-56">
        <Select value={role} onChange={(e) => setRole(e.target.value as SiteRole)}>
          {SITE_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="primary" size="md">
        Grant role
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setError(null);
        }}
      >
        <DialogContent
          title={`Grant ${ROLE_LABELS[role]} at ${siteCode}?`}
          description={`${email} will act as ${ROLE_LABELS[role]} at ${site?.name ?? siteCode} from their next request.`}
        >
          {error ? <Alert title="Role not granted">{error}</Alert> : null}
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button variant="primary" onClick={confirm} disabled={pending}>
              {pending ? "Granting…" : "Grant role"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </form>
  );
}
