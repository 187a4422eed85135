import type { Stack } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUEST_BUDGET_MS } from "./functions/run-guest-check/guest-check";
import { GUEST_FUNCTION_TIMEOUT_SECONDS } from "./functions/run-guest-check/resource";
import { GUEST_PHOTO_MAX_AGE_MS } from "./functions/sweep-guest-photos/sweep-guest-photos";
import {
  asList,
  readFunctionTemplatePair,
  readFunctionTemplates,
  resourcesOf,
  type PolicyStatementJson,
} from "./synth-helpers";
import { renderVtl, type Caller } from "./testing/render-vtl";
import { synthesizeBackend } from "./testing/synth-backend";

/**
 * The cloud guest check as synthesized: who may call runGuestCheck (its resolver executed offline with
 * the AppSync simulator's Velocity engine), and what the function's role may touch.
 */
let synth: Awaited<ReturnType<typeof synthesizeBackend>>;
let functionsStack: Stack;
beforeAll(async () => {
  synth = await synthesizeBackend();
  functionsStack = synth.nested.functions;
}, 180_000);
afterAll(() => synth.cleanup());

type Resource = { Type: string; Properties?: Record<string, unknown> };
const allResources = () => Object.values(synth.templates).flatMap((t) => Object.values(resourcesOf(t)));

/** IAM policies attached to the guest-check function's role, in every stack. */
function guestFunctionStatements(): PolicyStatementJson[] {
  return allResources()
    .filter(
      (r: Resource) =>
        r.Type === "AWS::IAM::Policy" && /runguestchecklambdaServiceRole/.test(JSON.stringify(r.Properties?.Roles)),
    )
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
}

/** IAM policies attached to the guest-photo sweep's role, in every stack. */
function sweeperStatements(): PolicyStatementJson[] {
  return allResources()
    .filter(
      (r: Resource) =>
        r.Type === "AWS::IAM::Policy" && /sweepguestphotoslambdaServiceRole/.test(JSON.stringify(r.Properties?.Roles)),
    )
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
}

const UNAUTH_ROLE = "arn:aws:sts::123456789012:assumed-role/amplify-unauth-role/CognitoIdentityCredentials";
const AUTH_ROLE = "arn:aws:sts::123456789012:assumed-role/amplify-auth-role/CognitoIdentityCredentials";
const STASH = { typeName: "Mutation", fieldName: "runGuestCheck", unauthRole: UNAUTH_ROLE, authRole: AUTH_ROLE };
const identity = { cognitoIdentityPoolId: "ap-southeast-1:pool", cognitoIdentityId: "ap-southeast-1:guest" };

describe("runGuestCheck mutation", () => {
  const authorize = (caller: Caller) => {
    const vtl = readFunctionTemplates(functionsStack, synth.templates.functions, "MutationRunGuestCheckAuthFN");
    const out = renderVtl(vtl, caller, { typeName: "Mutation", fieldName: "runGuestCheck", stash: STASH });
    return out.errors.some((e) => e.errorType === "Unauthorized") ? "refused" : "allowed";
  };

  it("lets an identity-pool guest (the unauthenticated role) call it", () => {
    expect(authorize({ kind: "iam", ...identity, userArn: UNAUTH_ROLE })).toBe("allowed");
  });

  it.each<[string, Caller]>([
    ["a signed-in user (user pool)", { kind: "userPool", sub: "alice-sub" }],
    ["a signed-in identity (the authenticated role)", { kind: "iam", ...identity, userArn: AUTH_ROLE }],
    ["identity-pool credentials of another role", { kind: "iam", ...identity }],
  ])("refuses %s", (_, caller) => {
    expect(authorize(caller)).toBe("refused");
  });

  it("stashes the unauthenticated role the check compares against from the auth stack", () => {
    const resolver = Object.values(resourcesOf(synth.templates.functions)).find(
      (r) => r.Type === "AWS::AppSync::Resolver" && r.Properties?.FieldName === "runGuestCheck",
    );
    expect(JSON.stringify(resolver?.Properties?.RequestMappingTemplate)).toMatch(
      /stash.put\(\\"unauthRole\\", \\"arn:aws:sts::.*unauthenticatedUserRole.*\/CognitoIdentityCredentials/,
    );
  });

  it("invokes the function synchronously and passes it the signed identity", () => {
    const { request } = readFunctionTemplatePair(
      functionsStack,
      synth.templates.functions,
      "InvokeFnRunGuestCheckLambdaDataSource",
    );
    expect(request).toMatch(/"invocationType":\s*"RequestResponse"/);
    expect(request).toContain('"identity": $util.toJson($ctx.identity)');
  });

  it("gives the function no more time than AppSync gives the request, and keeps the model's budget inside it", () => {
    synth.templates.data.hasResourceProperties("AWS::Lambda::Function", {
      Timeout: GUEST_FUNCTION_TIMEOUT_SECONDS,
      Runtime: "nodejs24.x",
      Environment: {
        Variables: Match.objectLike({
          SAGEMAKER_ENDPOINT_NAME: "Skinsight-Model",
          GUEST_LIMIT_TABLE: Match.anyValue(),
        }),
      },
    });
    expect(GUEST_FUNCTION_TIMEOUT_SECONDS).toBeLessThanOrEqual(30);
    expect(GUEST_BUDGET_MS).toBeLessThan(GUEST_FUNCTION_TIMEOUT_SECONDS * 1000);
  });
});

describe("the guest-check function's role", () => {
  it("may read and delete photos under guest/ only, and write none", () => {
    const s3 = guestFunctionStatements().filter((s) => asList(s.Action).some((a) => a.startsWith("s3:")));
    const actions = s3.flatMap((s) => asList(s.Action)).sort();
    expect(actions).toEqual(["s3:DeleteObject", "s3:GetObject", "s3:ListBucket"]);
    for (const statement of s3) {
      const resource = JSON.stringify(statement.Resource);
      if (asList(statement.Action).includes("s3:ListBucket")) {
        expect(statement.Condition).toEqual({ StringLike: { "s3:prefix": ["guest/*", "guest/"] } });
      } else {
        expect(resource).toMatch(/"\/guest\/\*"/);
        expect(resource).not.toContain("selfies");
      }
    }
  });

  it("may invoke the model endpoint and count guest checks, and reach no data API", () => {
    const actions = guestFunctionStatements()
      .flatMap((s) => asList(s.Action))
      .filter((a) => !a.startsWith("s3:") && a !== "ssm:GetParameters");
    expect(actions.sort()).toEqual(["dynamodb:UpdateItem", "sagemaker:InvokeEndpoint"]);
  });

  it("counts in a pay-per-request table whose items expire (TTL)", () => {
    synth.templates.data.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
  });
});

describe("guest photos", () => {
  it("expire a day after upload", () => {
    synth.templates.storage.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: "guest/", ExpirationInDays: 1, Status: "Enabled" })]),
      },
    });
  });

  it("are reachable by a guest only in its own folder; only the guest-check function and the sweep reach all of guest/", () => {
    const touchingGuest = allResources()
      .filter((r) => r.Type === "AWS::IAM::Policy")
      .flatMap((r) =>
        (r.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement.map((statement) => ({
          roles: JSON.stringify(r.Properties?.Roles),
          resource: JSON.stringify(statement.Resource),
        })),
      )
      .filter((s) => s.resource.includes("/guest/"));
    expect(touchingGuest.length).toBeGreaterThanOrEqual(3);
    for (const { roles, resource } of touchingGuest) {
      if (/runguestchecklambdaServiceRole|sweepguestphotoslambdaServiceRole/.test(roles)) continue;
      expect(roles).toMatch(/unauthenticatedUserRole/);
      expect(resource).toContain("/guest/${cognito-identity.amazonaws.com:sub}/*");
    }
  });
});

describe("the guest photo sweep", () => {
  const sweeperFunction = () =>
    Object.entries(resourcesOf(synth.templates.sweeper)).find(
      ([, r]) =>
        r.Type === "AWS::Lambda::Function" && JSON.stringify(r.Properties?.Tags).includes("sweep-guest-photos"),
    );

  it("runs every hour, on the hour (UTC), invoking the sweep function", () => {
    const fn = sweeperFunction();
    expect(fn).toBeDefined();
    const schedules = Object.values(resourcesOf(synth.templates.sweeper)).filter(
      (r) => r.Type === "AWS::Scheduler::Schedule",
    );
    // Amplify turns "every 1h" into an EventBridge Scheduler cron at minute 0 of every hour.
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: "cron(0 */1 * * ? *)",
      ScheduleExpressionTimezone: "UTC",
      State: "ENABLED",
      Target: { Arn: { "Fn::GetAtt": [fn?.[0], "Arn"] } },
    });
    // Hourly runs plus the age threshold keep every guest photo under 24 h.
    expect(GUEST_PHOTO_MAX_AGE_MS + 60 * 60 * 1000).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
  });

  it("runs on Node 24 with the bucket name in its environment", () => {
    expect(sweeperFunction()?.[1].Properties).toMatchObject({
      Runtime: "nodejs24.x",
      Environment: { Variables: { SKINSIGHT_SELFIES_BUCKET_NAME: expect.any(String) } },
    });
  });

  it("may list guest/ and delete under guest/* only: no read, no write, no other prefix, nothing else", () => {
    const statements = sweeperStatements();
    const actions = statements.flatMap((s) => asList(s.Action)).sort();
    // ssm:GetParameters reads the bucket name Amplify stores for the function.
    expect(actions).toEqual(["s3:DeleteObject", "s3:ListBucket", "ssm:GetParameters"]);
    for (const statement of statements) {
      expect(statement.Effect).toBe("Allow");
      const resource = JSON.stringify(statement.Resource);
      if (asList(statement.Action).includes("s3:ListBucket")) {
        expect(statement.Condition).toEqual({ StringLike: { "s3:prefix": ["guest/*", "guest/"] } });
      } else if (asList(statement.Action).includes("s3:DeleteObject")) {
        expect(resource).toMatch(/"\/guest\/\*"/);
        expect(resource).not.toContain("selfies/");
      } else {
        expect(resource).toContain("SKINSIGHT_SELFIES_BUCKET_NAME");
      }
    }
  });
});
