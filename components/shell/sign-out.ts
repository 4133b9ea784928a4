"use client";
import { signOut } from "next-auth/react";

/**
 * Ends the Interlock session (next-auth revokes the server-side row), then, for a single sign-on
 * session, the provider's too: the browser goes to its end_session_endpoint.
 */
export async function signOutEverywhere(): Promise<void> {
  let next = "/login";
  try {
    const res = await fetch("/api/sso/logout", { cache: "no-store" });
    if (res.ok) next = ((await res.json()) as { url?: string }).url ?? next;
  } catch {
    // Without the provider's address, Interlock's own sign-out still happens.
  }
  await signOut({ redirect: false });
  window.location.assign(next);
}
