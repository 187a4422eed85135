import { fileURLToPath } from "node:url";
import type { Backend } from "@aws-amplify/backend";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { AttributeType, BillingMode, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { Policy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { createdEndpointName, type BackendOptions, type ModelChoice } from "./backend-options";
import { assertDockerAvailable, type DockerProbe } from "./docker-check";
import { defineModelEndpoint, readDockerignore, type ModelEndpoint, type ModelSource } from "./model-endpoint";
import { PASSWORD_POLICY } from "../../lib/domain/account";
import type { auth } from "../auth/resource";
import type { data } from "../data/resource";
import type { analyzeSkin } from "../functions/analyze-skin/resource";
import { GUEST_LIMIT_TABLE_ENV } from "../functions/run-guest-check/function-env";
import type { runGuestCheck } from "../functions/run-guest-check/resource";
import type { sweepGuestPhotos } from "../functions/sweep-guest-photos/resource";
import type { storage } from "../storage/resource";
import { GUEST_PREFIX, SELFIE_PREFIX } from "../storage/selfie-path";

export type SkinsightBackend = Backend<{
  auth: typeof auth;
  data: typeof data;
  storage: typeof storage;
  analyzeSkin: typeof analyzeSkin;
  runGuestCheck: typeof runGuestCheck;
  sweepGuestPhotos: typeof sweepGuestPhotos;
}>;

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const MODEL_DOCKERFILE = "amplify/model/Dockerfile";
export const SELFIE_RETENTION_DAYS = 30;
/** Guest checks (identity-pool guests): their photos live apart (GUEST_PREFIX); the hourly sweep keeps them under 24 h. */
export const GUEST_RETENTION_DAYS = 1;

/** The CDK changes Amplify's define* functions do not expose. backend.ts and the synthesis tests both call this. */
export function customiseBackend(
  backend: SkinsightBackend,
  options: BackendOptions,
  probe?: DockerProbe,
): ModelEndpoint {
  // First, so a deploy that cannot build the model image stops at synthesis with a clear message.
  if (options.model.kind === "container") assertDockerAvailable(probe);
  hardenPasswordPolicy(backend);
  configureSelfieBucket(backend, options.allowedOrigins);
  allowGuestsTheirOwnPhotos(backend);
  limitGuestChecks(backend);
  return wireModelEndpoint(backend, options);
}

function hardenPasswordPolicy(backend: SkinsightBackend): void {
  // The same policy the local backend enforces (lib/domain/account.ts), so both modes read alike.
  backend.auth.resources.cfnResources.cfnUserPool.policies = {
    passwordPolicy: {
      minimumLength: PASSWORD_POLICY.minLength,
      requireLowercase: PASSWORD_POLICY.requireLowercase,
      requireUppercase: PASSWORD_POLICY.requireUppercase,
      requireNumbers: PASSWORD_POLICY.requireNumbers,
      requireSymbols: false,
      temporaryPasswordValidityDays: 3,
    },
  };
}

function configureSelfieBucket(backend: SkinsightBackend, allowedOrigins: string[]): void {
  const bucket = backend.storage.resources.cfnResources.cfnBucket;
  bucket.lifecycleConfiguration = {
    rules: [
      {
        id: "expire-selfies",
        status: "Enabled",
        prefix: SELFIE_PREFIX,
        expirationInDays: SELFIE_RETENTION_DAYS,
        // uploadData uses multipart uploads for large files; drop abandoned parts quickly.
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
      {
        // The second backstop of "nothing of a guest check is kept", behind the hourly sweep
        // (functions/sweep-guest-photos): S3 expires a day after creation, rounded up to midnight UTC.
        id: "expire-guest-selfies",
        status: "Enabled",
        prefix: GUEST_PREFIX,
        expirationInDays: GUEST_RETENTION_DAYS,
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
    ],
  };
  // Amplify's default allows every origin. uploadData needs PUT/POST (multipart), HEAD and the
  // ETag header exposed, or the browser upload stalls after the first part.
  bucket.corsConfiguration = {
    corsRules: [
      {
        allowedOrigins,
        allowedMethods: ["GET", "HEAD", "PUT", "POST", "DELETE"],
        allowedHeaders: ["*"],
        exposedHeaders: ["ETag", "x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2"],
        maxAge: Duration.hours(1).toSeconds(),
      },
    ],
  };
  bucket.publicAccessBlockConfiguration = {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  };
  bucket.bucketEncryption = {
    serverSideEncryptionConfiguration: [
      { serverSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
    ],
  };
}

/**
 * Identity-pool guests (the unauthenticated role) may put, read and delete under guest/<their identity id>/
 * only. defineStorage cannot say this: `allow.guest` on a `{entity_id}` path becomes a wildcard over every
 * guest's folder, and `allow.entity("identity")` is granted to signed-in identities only.
 */
function allowGuestsTheirOwnPhotos(backend: SkinsightBackend): void {
  const bucketArn = backend.storage.resources.bucket.bucketArn;
  const policy = new Policy(backend.storage.stack, "GuestOwnPhotos", {
    statements: [
      new PolicyStatement({
        actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
        resources: [`${bucketArn}/${GUEST_PREFIX}\${cognito-identity.amazonaws.com:sub}/*`],
      }),
    ],
  });
  policy.attachToRole(backend.auth.resources.unauthenticatedUserIamRole);
}

/**
 * The guest-check rate limit's counters (functions/run-guest-check/guest-limit.ts): one item per client
 * address and hour, removed by TTL. The function may only update items; it cannot read or scan them.
 */
function limitGuestChecks(backend: SkinsightBackend): void {
  const fn = backend.runGuestCheck.resources.lambda;
  const table = new Table(Stack.of(fn), "GuestCheckLimits", {
    partitionKey: { name: "pk", type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: "expiresAt",
    encryption: TableEncryption.AWS_MANAGED,
    // Counters only: nothing in it is worth keeping after the backend is deleted.
    removalPolicy: RemovalPolicy.DESTROY,
  });
  table.grant(fn, "dynamodb:UpdateItem");
  backend.runGuestCheck.addEnvironment(GUEST_LIMIT_TABLE_ENV, table.tableName);
}

/** The created endpoint's image: the repo root as context, narrowed by the Dockerfile's own .dockerignore. */
export function modelContainerSource(
  model: Extract<ModelChoice, { kind: "container" }>,
  endpointName: string,
): ModelSource {
  return {
    kind: "container",
    contextDirectory: REPO_ROOT,
    dockerfile: MODEL_DOCKERFILE,
    contextExcludes: readDockerignore(`${REPO_ROOT}${MODEL_DOCKERFILE}.dockerignore`),
    endpointName,
    memoryMb: model.memoryMb,
    maxConcurrency: model.maxConcurrency,
  };
}

function wireModelEndpoint(backend: SkinsightBackend, options: BackendOptions): ModelEndpoint {
  const { model } = options;
  // A nested stack with no resources fails to deploy, so the model stack exists only when it has an endpoint.
  const endpoint =
    model.kind === "existing"
      ? defineModelEndpoint(backend.stack, model)
      : defineModelEndpoint(
          backend.createStack("model"),
          modelContainerSource(
            model,
            createdEndpointName(
              String(backend.stack.node.tryGetContext("amplify-backend-namespace") ?? "app"),
              String(backend.stack.node.tryGetContext("amplify-backend-name") ?? "sandbox"),
            ),
          ),
        );

  for (const fn of [backend.analyzeSkin, backend.runGuestCheck]) {
    fn.addEnvironment("SAGEMAKER_ENDPOINT_NAME", endpoint.endpointName);
    fn.resources.lambda.addToRolePolicy(
      new PolicyStatement({ actions: ["sagemaker:InvokeEndpoint"], resources: [endpoint.endpointArn] }),
    );
  }
  return endpoint;
}
