import { credentialsSchema, signUp } from "@/lib/local-cloud/auth/accounts";
import { createSession, sessionCookie } from "@/lib/local-cloud/auth/sessions";
import { takeSignUpAttempt } from "@/lib/local-cloud/auth/sign-up-limit";
import { clientAddress, handleLocal, isSecureRequest, jsonResponse, readJson } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async ({ cloud }) => {
    const credentials = await readJson(request, credentialsSchema);
    const now = new Date();
    takeSignUpAttempt(cloud.db, clientAddress(request), now, cloud.config.SIGN_UPS_PER_HOUR);
    const user = await signUp(cloud.db, credentials, now);
    const session = createSession(cloud.db, user.id, now, cloud.config.SESSION_TTL_HOURS);
    return jsonResponse({ user }, 201, {
      "Set-Cookie": sessionCookie(session.token, session.maxAgeS, isSecureRequest(request)),
    });
  });
}
