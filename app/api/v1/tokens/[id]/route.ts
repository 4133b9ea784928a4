import { apiRoute } from "@/lib/http/api";
import { revokeToken } from "@/lib/services/tokens/revoke-token";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => revokeToken(actor, params.id));
