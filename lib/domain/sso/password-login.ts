export type PasswordLoginMode = "on" | "admins" | "off";

/**
 * Whether an account may sign in with its password. With single sign-on in place, passwords can be
 * limited to administrators, or turned off for all but one named break-glass administrator, who
 * can still get in when the identity provider is down.
 */
export function passwordSignInAllowed(
  mode: PasswordLoginMode,
  user: { email: string; isAdmin: boolean },
  breakGlass: string | null,
): boolean {
  if (mode === "on") return true;
  if (user.isAdmin && breakGlass !== null && user.email.toLowerCase() === breakGlass) return true;
  return mode === "admins" && user.isAdmin;
}
