import type { Stack } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asList, policyStatements, readFunctionTemplates, resourcesOf } from "./synth-helpers";
import { synthesizeBackend } from "./testing/synth-backend";
import { backoffDelayMs, defaultModelRetry } from "../lib/pipeline";
import { SAVE_RESERVE_MS } from "./functions/analyze-skin/analyze-skin";
import { FUNCTION_TIMEOUT_SECONDS } from "./functions/analyze-skin/resource";

/**
 * Synthesizes the real backend in-process, the way Amplify's own tests do, and asserts on the
 * CloudFormation. The existing-endpoint mode is used here so the synthesis does not depend on
 * amplify/model/Dockerfile; custom/model-endpoint.test.ts covers the created endpoint.
 */
let templates: Awaited<ReturnType<typeof synthesizeBackend>>["templates"];
let nested: { analysis: Stack; functions: Stack };
let cleanup = () => {};

beforeAll(async () => {
  ({ templates, nested, cleanup } = await synthesizeBackend({
    SKINSIGHT_ALLOWED_ORIGINS: "http://localhost:3000,https://main.d123.amplifyapp.com",
  }));
}, 180_000);

afterAll(() => cleanup());

describe("data", () => {
  it.each([
    "QuerygetAnalysisauth0Function",
    "QuerylistAnalysesByOwnerauth0Function",
    "MutationupdateAnalysisauth0Function",
  ])("%s filters user-pool callers to records they own (owner = their sub)", (name) => {
    const vtl = readFunctionTemplates(nested.analysis, templates.analysis, name);
    expect(vtl).toContain('$ctx.identity.claims.get("sub")');
    expect(vtl).toMatch(/"owner"/);
    // IAM is allowed only for the function's role, not for identity-pool (browser) credentials.
    expect(vtl).toContain("$util.isNull($ctx.identity.cognitoIdentityPoolId)");
  });

  it("indexes analyses by owner and creation time, so a user's list can come newest first", () => {
    const table = Object.values(resourcesOf(templates.analysis)).find((r) => r.Type === "Custom::AmplifyDynamoDBTable");
    expect(table?.Properties?.globalSecondaryIndexes).toEqual([
      expect.objectContaining({
        keySchema: [
          { attributeName: "owner", keyType: "HASH" },
          { attributeName: "createdAt", keyType: "RANGE" },
        ],
      }),
    ]);
    templates.analysis.hasResourceProperties("AWS::AppSync::Resolver", { FieldName: "listAnalysesByOwner" });
  });

  it("resolves startAnalysis with an asynchronous (Event) invoke of analyze-skin", () => {
    templates.functions.hasResourceProperties("AWS::AppSync::Resolver", {
      FieldName: "startAnalysis",
      Kind: "PIPELINE",
    });
    templates.functions.hasResourceProperties("AWS::AppSync::DataSource", {
      Type: "AWS_LAMBDA",
      LambdaConfig: { LambdaFunctionArn: { Ref: Match.stringLikeRegexp("analyzeskinlambda") } },
    });
    const invoke = readFunctionTemplates(
      nested.functions,
      templates.functions,
      "InvokeFnStartAnalysisLambdaDataSource",
    );
    expect(invoke).toMatch(/"invocationType":\s*"Event"/);
    expect(invoke).toContain('"identity": $util.toJson($ctx.identity)');
  });

  it("lets only signed-in (user pool) callers run startAnalysis", () => {
    const auth = readFunctionTemplates(nested.functions, templates.functions, "MutationStartAnalysisAuthFN");
    expect(auth).toContain('$util.authType() == "User Pool Authorization"');
    expect(auth).not.toContain("API Key Authorization");
  });
});

/**
 * Runtimes Lambda still lets you create (AWS "Lambda runtimes" deprecation table): nodejs20.x was
 * deprecated on 2026-04-30 and new functions on it are then blocked; nodejs22.x is deprecated in
 * 2027-04 with Node 22. Update this list when AWS publishes the next block date.
 */
const CREATABLE_NODE_RUNTIMES = ["nodejs22.x", "nodejs24.x"];

describe("analyze-skin function", () => {
  it("runs on a Node runtime Lambda still creates, in every stack (ours and Amplify's helpers)", () => {
    const runtimes = Object.values(templates)
      .flatMap((t) => Object.values(resourcesOf(t)))
      .filter((r) => r.Type === "AWS::Lambda::Function")
      .map((r) => (r.Properties as { Runtime?: unknown } | undefined)?.Runtime)
      .filter((r): r is string => typeof r === "string" && r.startsWith("nodejs"));
    expect(runtimes.length).toBeGreaterThan(0);
    for (const runtime of runtimes) expect(CREATABLE_NODE_RUNTIMES).toContain(runtime);
  });

  it("runs with 300 s, 1024 MB, Node 24 and the endpoint name in its environment", () => {
    templates.data.hasResourceProperties("AWS::Lambda::Function", {
      Timeout: 300,
      MemorySize: 1024,
      Runtime: "nodejs24.x",
      Environment: {
        Variables: Match.objectLike({
          SAGEMAKER_ENDPOINT_NAME: "Skinsight-Model",
          SKINSIGHT_SELFIES_BUCKET_NAME: Match.anyValue(),
        }),
      },
    });
  });

  it("has time for three full model attempts with backoff, plus the reserve to write FAILED", () => {
    // A cold serverless endpoint can take minutes; one 70 s attempt would fail the day's first analysis.
    const budget = FUNCTION_TIMEOUT_SECONDS * 1000 - SAVE_RESERVE_MS;
    const policy = defaultModelRetry(() => budget);
    const threeAttempts = 3 * policy.attemptTimeoutMs + backoffDelayMs(policy, 1) + backoffDelayMs(policy, 2);
    expect(budget).toBeGreaterThanOrEqual(threeAttempts);
    expect(FUNCTION_TIMEOUT_SECONDS).toBeLessThanOrEqual(900); // Lambda's maximum
  });

  it("may invoke exactly that endpoint, as may the guest-check function (ARNs carry the name in lower case)", () => {
    const invoke = policyStatements(templates.data).filter((s) =>
      asList(s.Action).includes("sagemaker:InvokeEndpoint"),
    );
    // One statement each for analyze-skin and run-guest-check.
    expect(invoke).toHaveLength(2);
    for (const statement of invoke) {
      expect(asList(statement.Action)).toEqual(["sagemaker:InvokeEndpoint"]);
      expect(JSON.stringify(statement.Resource)).toMatch(/:sagemaker:".*":endpoint\/skinsight-model"/);
    }
  });
});

describe("storage", () => {
  it("gives signed-in users read, write and delete under their own identity path only", () => {
    const owner = policyStatements(templates.storage).filter((s) =>
      JSON.stringify(s.Resource).includes("/selfies/${cognito-identity.amazonaws.com:sub}/*"),
    );
    expect(owner.flatMap((s) => asList(s.Action)).sort()).toEqual(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]);
  });

  it("gives the function read access and nothing else", () => {
    const fnPolicy = Object.values(resourcesOf(templates.storage)).find(
      (r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties?.Roles).includes("analyzeskinlambda"),
    );
    const statements = (fnPolicy?.Properties?.PolicyDocument as { Statement: { Action: string }[] }).Statement;
    expect(statements.map((s) => s.Action).sort()).toEqual(["s3:GetObject", "s3:ListBucket"]);
  });

  it("expires selfies after 30 days and blocks public access, with SSE", () => {
    templates.storage.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: "selfies/", ExpirationInDays: 30, Status: "Enabled" })]),
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }),
        ],
      },
    });
  });

  const guestPolicies = () =>
    Object.values(resourcesOf(templates.storage)).filter(
      (r) => r.Type === "AWS::IAM::Policy" && /unauth/i.test(JSON.stringify(r.Properties?.Roles)),
    );

  it("lets identity-pool guests put, read and delete only under guest/<their own identity id>/", () => {
    templates.auth.hasResourceProperties("AWS::Cognito::IdentityPool", { AllowUnauthenticatedIdentities: true });
    const statements = guestPolicies().flatMap(
      (p) =>
        (p.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
    expect(statements.flatMap((s) => asList(s.Action)).sort()).toEqual([
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject",
    ]);
    for (const statement of statements) {
      const resource = JSON.stringify(statement.Resource);
      expect(resource).toContain("/guest/${cognito-identity.amazonaws.com:sub}/*");
      // Never another guest's folder (a wildcard in place of the identity), never signed-in users' selfies.
      expect(resource).not.toMatch(/guest\/\*|selfies/);
    }
  });

  it("expires guest photos a day after upload", () => {
    templates.storage.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: "guest/", ExpirationInDays: 1, Status: "Enabled" })]),
      },
    });
  });

  it("allows browser uploads from the configured origins, exposing ETag for multipart", () => {
    templates.storage.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ["http://localhost:3000", "https://main.d123.amplifyapp.com"],
            AllowedMethods: ["GET", "HEAD", "PUT", "POST", "DELETE"],
            ExposedHeaders: Match.arrayWith(["ETag"]),
          }),
        ],
      },
    });
  });
});

describe("auth", () => {
  it("signs in with email and asks for 12+ characters with mixed case and digits", () => {
    templates.auth.hasResourceProperties("AWS::Cognito::UserPool", {
      UsernameAttributes: ["email"],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
        }),
      },
    });
  });
});

describe("least privilege", () => {
  it("no policy in any stack allows s3 or sagemaker actions on * or with wildcards on all actions", () => {
    const all = Object.values(templates)
      .flatMap(policyStatements)
      .filter((s) => s.Effect === "Allow");
    expect(all.length).toBeGreaterThan(5);
    for (const statement of all) {
      const actions = asList(statement.Action);
      const touchesS3OrSageMaker = actions.some((a) => a === "*" || a.startsWith("s3:") || a.startsWith("sagemaker:"));
      if (!touchesS3OrSageMaker) continue;
      expect(actions, JSON.stringify(statement)).not.toContain("*");
      expect(actions, JSON.stringify(statement)).not.toContain("s3:*");
      expect(actions, JSON.stringify(statement)).not.toContain("sagemaker:*");
      expect(statement.Resource, JSON.stringify(statement)).not.toBe("*");
      if (Array.isArray(statement.Resource)) expect(statement.Resource).not.toContain("*");
    }
  });
});
