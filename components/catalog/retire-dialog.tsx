"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Archive } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ActionOutcome } from "@/components/ui/confirm-action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { retireModelSchema, type RetireModelInput } from "@/lib/schemas/catalog";

/** Retiring asks for a reason and says what it means: no new changes; running ones may finish. */
export function RetireDialog({
  code,
  action,
}: {
  code: string;
  action: (input: RetireModelInput) => Promise<ActionOutcome>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<RetireModelInput>({
    resolver: zodResolver(retireModelSchema),
    defaultValues: { reason: "" },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setError(null);
          reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger-quiet">
          <Archive className="size-4" aria-hidden="true" />
          Retire
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Retire ${code}?`}
        description="No new standard change may follow it. Changes already approved under it may still run, within it."
      >
        <form
          noValidate
          className="space-y-3"
          onSubmit={handleSubmit(async (values) => {
            setError(null);
            const result = await action(values);
            if (!result.ok) return setError(result.message);
            setOpen(false);
            // Without the query: an earlier confirmation (?done=…) no longer applies.
            router.replace(pathname);
            router.refresh();
          })}
        >
          {error ? <Alert title="Not retired">{error}</Alert> : null}
          <Field id="retire-reason" label="Reason" error={formState.errors.reason?.message}>
            <Input {...register("reason")} placeholder="e.g. replaced by the vendor's update tooling" />
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? "Retiring…" : "Retire the model"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
