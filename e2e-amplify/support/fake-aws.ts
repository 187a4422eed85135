import type { Page, Request, Route } from "@playwright/test";
import { FAKE_OUTPUTS } from "../fake-outputs.mjs";

/**
 * Stands in for the three AWS services a cloud guest check talks to, inside the browser's network
 * layer: Cognito Identity (a guest identity and credentials), S3 (the guest/ upload) and AppSync (the
 * runGuestCheck mutation). Nothing leaves the machine; every call is recorded for the test to check.
 */
export const GUEST_IDENTITY = "ap-southeast-1:7e57e57e-0000-4000-8000-00000000c0de";

export interface RecordedCall {
  service: "cognito-identity" | "s3" | "appsync" | "other";
  method: string;
  url: string;
  target: string | null;
  authorization: string | null;
  body: unknown;
}

export async function fakeAws(page: Page, answerRunGuestCheck: (variables: Record<string, unknown>) => unknown) {
  const calls: RecordedCall[] = [];
  const record = (service: RecordedCall["service"], request: Request) => {
    const text = request.postData();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = text;
    }
    const call: RecordedCall = {
      service,
      method: request.method(),
      url: request.url(),
      target: request.headers()["x-amz-target"] ?? null,
      authorization: request.headers()["authorization"] ?? null,
      body,
    };
    calls.push(call);
    return call;
  };
  const json = (route: Route, body: unknown, contentType = "application/x-amz-json-1.1") =>
    route.fulfill({ status: 200, contentType, headers: corsHeaders, body: JSON.stringify(body) });

  await page.route(
    (url) => url.hostname !== "localhost",
    async (route) => {
      const request = route.request();
      if (request.method() === "OPTIONS") return route.fulfill({ status: 200, headers: corsHeaders });
      const host = new URL(request.url()).hostname;
      if (host.startsWith("cognito-identity.")) {
        const call = record("cognito-identity", request);
        if (call.target?.endsWith(".GetId")) return json(route, { IdentityId: GUEST_IDENTITY });
        if (call.target?.endsWith(".GetCredentialsForIdentity")) {
          return json(route, {
            IdentityId: GUEST_IDENTITY,
            Credentials: {
              AccessKeyId: "ASIAFAKEGUEST",
              SecretKey: "fake-secret",
              SessionToken: "fake-session-token",
              Expiration: Math.floor(Date.now() / 1000) + 3600,
            },
          });
        }
      }
      if (host.startsWith(`${FAKE_OUTPUTS.storage.bucket_name}.s3.`)) {
        record("s3", request);
        return route.fulfill({ status: 200, headers: { ...corsHeaders, ETag: '"fake-etag"' }, body: "" });
      }
      if (host === new URL(FAKE_OUTPUTS.data.url).hostname) {
        const call = record("appsync", request);
        const variables = (call.body as { variables?: Record<string, unknown> } | null)?.variables ?? {};
        return json(
          route,
          { data: { runGuestCheck: JSON.stringify(answerRunGuestCheck(variables)) } },
          "application/json",
        );
      }
      record("other", request);
      return route.abort();
    },
  );
  return calls;
}

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, PUT, POST, DELETE",
  "Access-Control-Expose-Headers": "ETag, x-amz-request-id",
};
