import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "@/lib/domain/safe-redirect";
import { clientIp } from "@/lib/http/client-ip";
import { isServiceError } from "@/lib/services/base/errors";
import { SESSION_HOURS, signIn } from "@/lib/services/auth/sign-in";
import { signOut } from "@/lib/services/auth/sign-out";

function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string") h.set(k, v);
  return h;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const headers = headersOf(req.headers as Record<string, unknown> | undefined);
        try {
          const result = await signIn(
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            { ip: clientIp(headers), userAgent: headers.get("user-agent") },
          );
          return { id: result.userId, email: result.email, name: result.name, sid: result.sessionId };
        } catch (e) {
          // next-auth hands the message to the sign-in form; only our own plain-language messages pass.
          if (isServiceError(e)) throw new Error(e.message);
          throw new Error("Check the email and password and try again.");
        }
      },
    }),
  ],
  callbacks: {
    // next-auth's own redirects (after sign-in or sign-out) follow the same rule as the sign-in page.
    redirect({ url, baseUrl }) {
      const relative = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(relative)}`;
    },
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
      return token;
    },
    session({ session }) {
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await signOut(token.sid, null);
    },
  },
};
