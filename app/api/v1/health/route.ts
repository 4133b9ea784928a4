import { json } from "@/lib/http/api";
import { problemResponse } from "@/lib/http/problem";
import { databaseHealthy } from "@/lib/services/health";

export async function GET() {
  if (await databaseHealthy()) return json({ status: "ok", database: "ok" });
  return problemResponse({ status: 503, detail: "The database is unreachable.", database: "unreachable" });
}
