import { InvokeEndpointCommand, type SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { toModelError } from "./model-errors";
import { PipelineError, type PipelinePorts } from "./ports";
import { skinReportSchema, type SkinReport } from "../domain/skin-report";

/**
 * One call without a retry policy (local mode). SageMaker serverless itself cuts an invocation at
 * 60 s; with a retry policy (the Lambda) each attempt gets its own timeout from model-retry.ts.
 */
export const DEFAULT_MODEL_TIMEOUT_MS = 45_000;

/** SageMaker serverless refuses a request body over 4 MB (real-time endpoints allow 25 MB). */
export const MAX_MODEL_PAYLOAD_BYTES = 4 * 1024 * 1024;

export interface SageMakerInvokerOptions {
  client: SageMakerRuntimeClient;
  endpointName: string;
  timeoutMs?: number;
}

/**
 * The one model call both modes make: the cloud points the client at SageMaker, local mode at
 * the local model server's `/endpoints/{name}/invocations`. Replies are validated against the
 * domain schema; every failure comes out as a PipelineError with a MODEL_* / BAD_IMAGE / TIMEOUT code.
 */
export function createSageMakerInvoker(opts: SageMakerInvokerOptions): PipelinePorts["invokeModel"] {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  return async (image, options) => {
    // Refused here, before the call: SageMaker's own answer is a bare 413 that reads as a server fault.
    if (image.bytes.byteLength > MAX_MODEL_PAYLOAD_BYTES) {
      const mb = (image.bytes.byteLength / (1024 * 1024)).toFixed(1);
      throw new PipelineError(
        "BAD_IMAGE",
        `The image is ${image.bytes.byteLength} bytes, over the model's 4 MB request limit.`,
        {
          userMessage: `This photo is ${mb} MB, and the analyzer accepts photos up to 4 MB. Please take a new photo or upload a smaller one.`,
        },
      );
    }
    const command = new InvokeEndpointCommand({
      EndpointName: opts.endpointName,
      Body: image.bytes,
      ContentType: image.contentType,
      Accept: "application/json",
    });
    const body = await sendWithTimeout(opts.client, command, options?.timeoutMs ?? timeoutMs);
    return parseReport(body);
  };
}

async function sendWithTimeout(
  client: SageMakerRuntimeClient,
  command: InvokeEndpointCommand,
  timeoutMs: number,
): Promise<Uint8Array | undefined> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race guards against a request handler that ignores the abort signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PipelineError("TIMEOUT", `The model did not answer within ${timeoutMs} ms.`));
    }, timeoutMs);
  });
  try {
    const output = await Promise.race([client.send(command, { abortSignal: controller.signal }), timeout]);
    return output.Body;
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    if (controller.signal.aborted) {
      throw new PipelineError("TIMEOUT", `The model did not answer within ${timeoutMs} ms.`, { cause: error });
    }
    throw toModelError(error);
  } finally {
    clearTimeout(timer);
  }
}

export function parseReport(body: Uint8Array | undefined): SkinReport {
  if (!body || body.byteLength === 0) throw new PipelineError("MODEL_BAD_OUTPUT", "The model returned an empty body.");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new PipelineError("MODEL_BAD_OUTPUT", "The model returned a body that is not JSON.", { cause: error });
  }
  const parsed = skinReportSchema.safeParse(json);
  if (!parsed.success) {
    throw new PipelineError(
      "MODEL_BAD_OUTPUT",
      `The model's report does not match the schema: ${parsed.error.message}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
