import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req, ctx, authOptionsFor(req.headers)) as Promise<Response>;
}
export { handler as GET, handler as POST };
