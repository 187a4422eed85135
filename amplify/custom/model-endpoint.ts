import { readFileSync } from "node:fs";
import { ArnFormat, IgnoreMode, type Stack } from "aws-cdk-lib";
import { Platform, DockerImageAsset } from "aws-cdk-lib/aws-ecr-assets";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { CfnEndpoint, CfnEndpointConfig, CfnModel } from "aws-cdk-lib/aws-sagemaker";

/** Where the model comes from: built from amplify/model/ at deploy time, or an endpoint that already exists. */
export type ModelSource =
  | {
      kind: "container";
      /** Docker build context (the repo root: the container runs lib/analyzer). */
      contextDirectory: string;
      /** Dockerfile path relative to the context. */
      dockerfile: string;
      /** .dockerignore-style patterns: what of the context the asset hashes, stages and sends to Docker. */
      contextExcludes: string[];
      /** SageMaker endpoint names: letters, digits and hyphens, at most 63. */
      endpointName: string;
      /** Serverless memory: 1024–6144 MB in 1 GB steps. */
      memoryMb: number;
      maxConcurrency: number;
    }
  | { kind: "existing"; endpointName: string };

export interface ModelEndpoint {
  endpointName: string;
  endpointArn: string;
}

/**
 * Model threads for a serverless endpoint of this size. Each thread loads its own face model and
 * peaks at ~400 MB (README: analyzer peak RSS 376 MB), and the main process, libvips buffers and
 * Node need ~512 MB, so the count comes from memory: os.availableParallelism() inside a serverless
 * container reports host CPUs, not the memory slice. At most 4: every thread loads its model at
 * start, which lengthens the cold start that /ping must cover.
 */
export function modelWorkersFor(memoryMb: number): number {
  return Math.min(4, Math.max(1, Math.floor((memoryMb - 512) / 400)));
}

/**
 * The patterns of a .dockerignore file (comments and blank lines dropped). The model image reads
 * amplify/model/Dockerfile.dockerignore, which starts with "*" and re-includes only what the image
 * copies: the CDK asset uses the same list, so a front-end edit does not rebuild the image.
 */
export function readDockerignore(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
}

/**
 * Adds the model endpoint (or points at an existing one) and returns its name and ARN, which the
 * function's environment and IAM policy use. The ARN is built from the name so that an existing
 * endpoint's policy is as narrow as a created one's; SageMaker ARNs carry the name in lower case.
 */
export function defineModelEndpoint(stack: Stack, source: ModelSource): ModelEndpoint {
  const endpointArn = stack.formatArn({
    service: "sagemaker",
    resource: "endpoint",
    resourceName: source.endpointName.toLowerCase(),
  });
  if (source.kind === "existing") return { endpointName: source.endpointName, endpointArn };

  const image = new DockerImageAsset(stack, "ModelImage", {
    directory: source.contextDirectory,
    file: source.dockerfile,
    exclude: source.contextExcludes,
    ignoreMode: IgnoreMode.DOCKER,
    // SageMaker serverless runs x86_64 only.
    platform: Platform.LINUX_AMD64,
  });

  const role = new Role(stack, "ModelExecutionRole", {
    assumedBy: new ServicePrincipal("sagemaker.amazonaws.com"),
    description: "Lets the Skinsight model endpoint pull its image and write its logs.",
  });
  image.repository.grantPull(role);
  role.addToPolicy(
    new PolicyStatement({
      actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      resources: [
        stack.formatArn({
          service: "logs",
          resource: "log-group",
          resourceName: "/aws/sagemaker/Endpoints/*",
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    }),
  );

  const model = new CfnModel(stack, "Model", {
    executionRoleArn: role.roleArn,
    primaryContainer: {
      image: image.imageUri,
      environment: { NODE_ENV: "production", MODEL_WORKERS: String(modelWorkersFor(source.memoryMb)) },
    },
  });
  model.node.addDependency(role);

  const config = new CfnEndpointConfig(stack, "EndpointConfig", {
    productionVariants: [
      {
        variantName: "AllTraffic",
        modelName: model.attrModelName,
        serverlessConfig: { memorySizeInMb: source.memoryMb, maxConcurrency: source.maxConcurrency },
      },
    ],
  });

  const endpoint = new CfnEndpoint(stack, "Endpoint", {
    endpointName: source.endpointName,
    endpointConfigName: config.attrEndpointConfigName,
  });
  return { endpointName: endpoint.attrEndpointName, endpointArn };
}
