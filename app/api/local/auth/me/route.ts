import { currentUser, handleLocal, jsonResponse } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

/** 200 with `{ user: null }` when signed out: "who am I" is not an error. */
export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => jsonResponse({ user: currentUser(ctx) }));
}
