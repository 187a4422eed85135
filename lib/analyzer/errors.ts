export const ANALYZER_INPUT_ERROR_CODES = [
  "EMPTY",
  "UNSUPPORTED_TYPE",
  "CORRUPT",
  "TOO_LARGE",
  "TOO_MANY_PIXELS",
  "TOO_SMALL",
] as const;
export type AnalyzerInputErrorCode = (typeof ANALYZER_INPUT_ERROR_CODES)[number];

const MESSAGES: Record<AnalyzerInputErrorCode, string> = {
  EMPTY: "The upload is empty.",
  UNSUPPORTED_TYPE: "Only JPEG, PNG and WebP photos are supported.",
  CORRUPT: "The photo could not be read; it may be damaged or cut short.",
  TOO_LARGE: "The photo is larger than 15 MB.",
  TOO_MANY_PIXELS: "The photo has more than 40 megapixels.",
  TOO_SMALL: "The photo is too small; it needs at least 320 pixels on its short side.",
};

/** Bytes that cannot be analysed at all (as opposed to a photo that fails the quality gate). */
export class AnalyzerInputError extends Error {
  readonly code: AnalyzerInputErrorCode;
  constructor(code: AnalyzerInputErrorCode, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? MESSAGES[code], { cause: options?.cause });
    this.name = "AnalyzerInputError";
    this.code = code;
  }
}

export function isAnalyzerInputError(err: unknown): err is AnalyzerInputError {
  return err instanceof AnalyzerInputError;
}
