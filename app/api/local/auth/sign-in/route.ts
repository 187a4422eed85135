import { z } from "zod";
import { signIn } from "@/lib/local-cloud/auth/accounts";
import { createSession, sessionCookie } from "@/lib/local-cloud/auth/sessions";
import { clientAddress, handleLocal, isSecureRequest, jsonResponse, readJson } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

// Sign-in checks only that something was typed: password rules belong to sign-up.
const signInSchema = z.object({
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .toLowerCase()
    .min(1, "Please enter your email address.")
    .max(254),
  password: z.string({ error: "Please enter your password." }).min(1, "Please enter your password.").max(128),
});

export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async ({ cloud }) => {
    const credentials = await readJson(request, signInSchema);
    const now = new Date();
    const user = await signIn(cloud.db, credentials, now, clientAddress(request));
    const session = createSession(cloud.db, user.id, now, cloud.config.SESSION_TTL_HOURS);
    return jsonResponse({ user }, 200, {
      "Set-Cookie": sessionCookie(session.token, session.maxAgeS, isSecureRequest(request)),
    });
  });
}
