"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { signInSchema } from "@/lib/schemas/auth";

type Values = z.input<typeof signInSchema>;

/** `primary` false when single sign-on is the page's main action: one primary button per page. */
export function LoginForm({
  callbackUrl,
  autoFocus = true,
  primary = true,
}: {
  callbackUrl: string;
  autoFocus?: boolean;
  primary?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: Values) {
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: values.email,
      password: values.password,
    });
    if (!result || result.error) {
      setError(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
      {error ? <Alert title="Sign-in failed">{error}</Alert> : null}
      <Field id="email" label="Email" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus={autoFocus} {...register("email")} />
      </Field>
      <Field id="password" label="Password" error={formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...register("password")} />
      </Field>
      <Button
        type="submit"
        variant={primary ? "primary" : "secondary"}
        className="w-full"
        disabled={formState.isSubmitting}
      >
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
