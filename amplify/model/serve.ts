import os from "node:os";
import { z } from "zod";
import { startModelServer } from "./server";

const envSchema = z.object({
  // SageMaker sends traffic to port 8080 of the container; PORT=0 picks a free port (local mode, tests).
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  MODEL_WORKERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
});

async function main(): Promise<void> {
  const env = envSchema.parse(process.env);
  const server = await startModelServer({ port: env.PORT, host: env.HOST, workers: env.MODEL_WORKERS });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`model server: ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  await server.ready;
  // The one line on stdout: the local backend parses it to learn the port.
  process.stdout.write(`${JSON.stringify({ event: "ready", port: server.port })}\n`);
}

main().catch((err: unknown) => {
  console.error("model server failed to start:", err);
  process.exit(1);
});
