import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoMode } from "@/lib/demo-accounts";
import { currentActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/domain/safe-redirect";
import { LoginForm } from "@/components/shell/login-form";
import { SsoButton } from "@/components/shell/sso-button";
import { Alert } from "@/components/ui/card";
import { OIDC_PROVIDER_ID, oidcConfig, passwordLoginMode } from "@/lib/auth/oidc/config";
import { ssoRefusalMessage } from "@/lib/domain/sso/refusals";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const demo = demoMode();
  const sso = oidcConfig();
  const passwords = passwordLoginMode();
  const error = typeof params.error === "string" ? params.error : undefined;
  const ssoError = ssoRefusalMessage(error);
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col items-center justify-center gap-8 px-4 py-10 lg:flex-row lg:items-start lg:justify-center">
      <div className="w-full max-w-sm">
        <p className="text-xs font-semibold tracking-wider text-blue-800 uppercase">Interlock</p>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">
          Governed security changes to operational technology.
        </p>
        {ssoError ? (
          <div className="mb-3">
            <Alert title="Single sign-on refused">{ssoError}</Alert>
          </div>
        ) : null}
        {sso ? (
          <SsoButton providerId={OIDC_PROVIDER_ID} name={sso.displayName} callbackUrl={callbackUrl} />
        ) : null}
        {sso && passwords !== "on" ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-slate-700">
              {passwords === "admins"
                ? "Administrators: sign in with a password"
                : "Emergency administrator sign-in"}
            </summary>
            <div className="mt-3">
              <LoginForm callbackUrl={callbackUrl} primary={false} />
            </div>
          </details>
        ) : (
          <>
            {sso ? (
              <p className="my-4 text-center text-xs text-slate-600">or with your Interlock password</p>
            ) : null}
            <LoginForm callbackUrl={callbackUrl} autoFocus={!sso} primary={!sso} />
          </>
        )}
      </div>
      {demo ? (
        <section
          aria-labelledby="demo-accounts"
          className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="demo-accounts" className="text-sm font-semibold text-slate-900">
            Demo accounts
          </h2>
          <p className="mt-1 text-xs text-slate-600">
            Demo mode is on. Every account uses the password{" "}
            <code className="rounded bg-slate-100 px-1 font-mono whitespace-nowrap text-slate-900">
              {DEMO_PASSWORD}
            </code>
            .
          </p>
          <table className="mt-3 w-full text-xs">
            <caption className="sr-only">Demo accounts and their roles</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="pb-1 font-medium">
                  Role
                </th>
                <th scope="col" className="pb-1 font-medium">
                  Email
                </th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((a) => (
                <tr key={a.email} className="border-t border-slate-100">
                  <td className="py-1 pr-2 text-slate-800">{a.label}</td>
                  <td className="py-1 font-mono text-slate-900">{a.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}
