"use client";
import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Starts single sign-on with next-auth's client signIn(), which fetches the provider's URL and
 * navigates there: a form posting to the provider would be blocked by the CSP's form-action 'self'.
 */
export function SsoButton({
  providerId,
  name,
  callbackUrl,
}: {
  providerId: string;
  name: string;
  callbackUrl: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="primary"
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      <KeyRound className="size-4" aria-hidden="true" />
      {pending ? "Opening…" : `Continue with ${name}`}
    </Button>
  );
}
