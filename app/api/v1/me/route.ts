import { apiRoute } from "@/lib/http/api";
import { describeActor } from "@/lib/services/users/me";

export const GET = apiRoute(async ({ actor }) => describeActor(actor));
