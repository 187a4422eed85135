import { spawnSync } from "node:child_process";

/** Creating the model endpoint was asked for, and nothing here can build its image. */
export class DockerUnavailableError extends Error {
  readonly code = "DOCKER_UNAVAILABLE";
  constructor(reason: string, options?: { cause?: unknown }) {
    super(
      [
        `Skinsight creates its SageMaker endpoint from amplify/model/Dockerfile, which needs a running Docker, and Docker is not available here (${reason}).`,
        "Amplify Hosting builds have no Docker. Either deploy from a machine with Docker (npx ampx sandbox),",
        "or set SKINSIGHT_SAGEMAKER_ENDPOINT to an endpoint that already exists (README: Deploy to AWS → The model endpoint).",
      ].join(" "),
      options,
    );
    this.name = "DockerUnavailableError";
  }
}

export type DockerProbe = () => { ok: true } | { ok: false; reason: string };

/**
 * Asks the Docker daemon (not just the CLI) whether it answers, using the binary CDK itself would
 * use (CDK_DOCKER, e.g. finch or podman). Without this the failure comes at asset publishing,
 * minutes into a deploy, as "spawn docker ENOENT" or "Cannot connect to the Docker daemon".
 */
export function probeDocker(env: Record<string, string | undefined> = process.env): ReturnType<DockerProbe> {
  const docker = env.CDK_DOCKER ?? "docker";
  const result = spawnSync(docker, ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8", timeout: 20_000 });
  if (result.error) return { ok: false, reason: `${docker}: ${result.error.message}` };
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout || "").trim().split("\n")[0] ?? "";
    return { ok: false, reason: `${docker} info exited with ${result.status}${detail ? `: ${detail}` : ""}` };
  }
  return { ok: true };
}

export function assertDockerAvailable(probe: DockerProbe = probeDocker): void {
  const result = probe();
  if (!result.ok) throw new DockerUnavailableError(result.reason);
}
