import type { Analysis } from "../../../lib/domain/analysis";
import type { PipelinePorts } from "../../../lib/pipeline";
import { toAnalysis, toUpdateInput, type AnalysisRecord } from "../../data/analysis-record";

type UpdateInput = ReturnType<typeof toUpdateInput>;
interface ModelResult {
  data: AnalysisRecord | null;
  errors?: readonly { message: string }[];
}

/** The slice of `client.models.Analysis` the function uses; tests pass a fake. */
export interface AnalysisModel {
  get(key: { id: string }): Promise<ModelResult>;
  update(input: UpdateInput): Promise<ModelResult>;
}

export class DataApiError extends Error {
  readonly code = "DATA_API";
  constructor(operation: string, errors: readonly { message: string }[]) {
    super(`${operation} failed: ${errors.map((e) => e.message).join("; ")}`);
    this.name = "DataApiError";
  }
}

/**
 * Loads and saves through AppSync (not DynamoDB directly) so that every save is a mutation and
 * the owner's onUpdate subscription sees each status change.
 */
export function createAnalysisStore(model: AnalysisModel): Pick<PipelinePorts, "loadAnalysis" | "saveAnalysis"> {
  return {
    async loadAnalysis(id: string): Promise<Analysis | null> {
      const { data, errors } = await model.get({ id });
      if (errors && errors.length > 0) throw new DataApiError("getAnalysis", errors);
      return data ? toAnalysis(data) : null;
    },
    async saveAnalysis(analysis: Analysis): Promise<void> {
      const { errors } = await model.update(toUpdateInput(analysis));
      if (errors && errors.length > 0) throw new DataApiError("updateAnalysis", errors);
    },
  };
}
