import { json } from "@/lib/http/api";
import { openApiDocument } from "@/lib/openapi";

// Public: the description of the API is not a secret, and clients fetch it before they have a token.
export function GET() {
  return json(openApiDocument(), 200, { "cache-control": "public, max-age=300" });
}
