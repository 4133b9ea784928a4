"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";
import { resetPasswordSchema } from "@/lib/schemas/users";

type Values = z.input<typeof resetPasswordSchema>;

export function ResetPasswordDialog({
  email,
  reset,
}: {
  email: string;
  reset: (values: Values) => Promise<FormResult<{ revoked: string }>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: "" },
  });

  async function onSubmit(values: Values) {
    setError(null);
    const result = await reset(values);
    if (!result.ok) {
      setError(result.message);
      if (result.fieldErrors?.password) form.setError("password", { message: result.fieldErrors.password });
      return;
    }
    setOpen(false);
    form.reset();
    setDone(`Password reset. Revoked: ${result.data.revoked}.`);
    router.refresh();
  }

  return (
    <>
      {done ? (
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) {
            setError(null);
            form.reset();
          }
        }}
      >
        <DialogTrigger asChild>
          <Button size="sm">Reset password</Button>
        </DialogTrigger>
        <DialogContent
          title={`Reset the password of ${email}?`}
          description="Their sessions end at once, their API tokens and calendar feed URLs are revoked, and a lock from failed sign-ins is lifted."
        >
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3">
            {error ? <Alert title="Password not reset">{error}</Alert> : null}
            <Field
              id="reset-password"
              label="New password"
              hint="At least 12 characters. Tell the person through a separate channel."
              error={form.formState.errors.password?.message}
            >
              <Input type="password" autoComplete="new-password" {...form.register("password")} />
            </Field>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button>Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Resetting…" : "Reset password"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
