import { z } from "zod";
import { message, type Message } from "./message";

/**
 * Bump when the shape changes. v2 added per-score confidence that means something, "not measurable"
 * grades (null), the findings behind count grades, the light's estimated colour and px/mm. Stored v1
 * reports still parse: every v2 addition is optional or a widening.
 */
export const SKIN_REPORT_VERSION = 2 as const;
export const READABLE_REPORT_VERSIONS = [1, 2] as const;

export const QUALITY_ISSUE_CODES = [
  "NO_FACE",
  "MULTIPLE_FACES",
  "FACE_TOO_SMALL",
  "POSE",
  "BLURRY",
  "TOO_DARK",
  "OVEREXPOSED",
  "UNEVEN_LIGHTING",
  "COLOR_CAST",
] as const;
export type QualityIssueCode = (typeof QUALITY_ISSUE_CODES)[number];

/** Fix-it messages a person understands; the analyzer and the UI share them. */
export const QUALITY_ISSUE_MESSAGES: Record<QualityIssueCode, string> = {
  NO_FACE: "We couldn't find a face. Face the camera straight on, with your whole face inside the frame.",
  MULTIPLE_FACES: "We can see more than one face. Take the photo on your own.",
  FACE_TOO_SMALL: "Your face is too small in the photo. Move closer so it fills most of the frame.",
  POSE: "Your head is turned or tilted. Look straight into the camera and keep your head level.",
  BLURRY: "The photo is blurry. Hold still, wipe the lens and make sure the camera has focused.",
  TOO_DARK: "The photo is too dark. Face a window or a lamp so your face is evenly lit.",
  OVEREXPOSED: "The photo is too bright. Step out of direct sunlight or away from a harsh lamp.",
  UNEVEN_LIGHTING: "One side of your face is much brighter than the other. Face the light source directly.",
  COLOR_CAST:
    "The light is too strongly coloured to read your skin tone (a coloured bulb, neon or screen glow). Use daylight from a window or a plain white lamp.",
};

export const qualityIssueSchema = z.object({
  code: z.enum(QUALITY_ISSUE_CODES),
  message: z.string().min(1),
});
export type QualityIssue = z.infer<typeof qualityIssueSchema>;

export const SCORE_KEYS = ["acne", "redness", "pigmentation", "pores", "shine", "underEye"] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

export const SCORE_LABELS: Record<ScoreKey, string> = {
  acne: "Breakouts",
  redness: "Redness",
  pigmentation: "Dark spots",
  pores: "Pores and texture",
  shine: "Shine",
  underEye: "Under-eye darkness",
};

/** Plain-language meaning of each grade, shown on the result cards. */
export const GRADE_LABELS = ["None or minimal", "Mild", "Moderate", "Pronounced"] as const;

export const gradeSchema = z.number().int().min(0).max(3);
export type Grade = z.infer<typeof gradeSchema>;

/**
 * What limits a score's confidence most (v2); for a score that is not measurable, what kept it from being seen
 * ("light": the light's colour changes across the face, which redness cannot be told from; "blown": the skin it
 * reads is lit so brightly that the camera could not record its colour: blown white in patches, or, for redness, its red or
 * green channel at the ceiling; "grain": for the counted scores, acne and pigmentation, the photo's noise at a lesion's
 * scale hides small findings, analyzer grain.ts; "compression": for the same scores, the file was saved at a JPEG
 * quality that drops the fine detail small findings need, analyzer compression.ts; "blur": for the same scores, the
 * photo is soft enough that small findings blur into the skin, analyzer focus-confidence.ts).
 */
export const CONFIDENCE_LIMITS = [
  "pixels",
  "resolution",
  "grade-edge",
  "light",
  "blown",
  "grain",
  "compression",
  "blur",
] as const;
export type ConfidenceLimit = (typeof CONFIDENCE_LIMITS)[number];

export const scoreSchema = z.object({
  /** Null (v2): the sign cannot be seen at this photo's resolution ("not measurable in this photo"). */
  grade: gradeSchema.nullable(),
  /** The raw metric the grade was derived from (e.g. lesion count, Δa*, specular fraction). */
  raw: z.number().finite(),
  /** Unit or name of the raw metric, for people reading the report. */
  metric: z.string().min(1),
  confidence: z.number().min(0).max(1),
  limitedBy: z.enum(CONFIDENCE_LIMITS).optional(),
  /**
   * Count grades (breakouts, dark spots): how many findings of this type are marked on the photo, and
   * the number the grade counts (per half face for breakouts). The card explains one by the other.
   */
  evidence: z.object({ marked: z.number().int().min(0), counted: z.number().int().min(0) }).optional(),
});
export type Score = z.infer<typeof scoreSchema>;

export const TONE_CATEGORIES = ["very-light", "light", "intermediate", "tan", "brown", "dark"] as const;
export type ToneCategory = (typeof TONE_CATEGORIES)[number];

/** Neutral descriptions of the ITA° groups (Chardon et al. 1991; Del Bino et al. 2006). */
export const TONE_LABELS: Record<ToneCategory, string> = {
  "very-light": "Very light",
  light: "Light",
  intermediate: "Intermediate",
  tan: "Tan",
  brown: "Brown",
  dark: "Dark",
};

/** ITA° = arctan((L* − 50)/b*)·180/π, in [−90, 90]; grouped >55, 41–55, 28–41, 10–28, −30–10, <−30. */
export function categoriseIta(ita: number): ToneCategory {
  if (ita > 55) return "very-light";
  if (ita > 41) return "light";
  if (ita > 28) return "intermediate";
  if (ita > 10) return "tan";
  if (ita > -30) return "brown";
  return "dark";
}

/**
 * v1 reports computed ITA with atan2, which leaves [−90, 90] when b* ≤ 0. atan2 and arctan differ by
 * exactly 180° there, so stored values are repaired, and their group re-derived from the repaired value.
 */
function repairStoredIta<T extends { ita: number; category: ToneCategory }>(tone: T): T {
  if (tone.ita >= -90 && tone.ita <= 90) return tone;
  const ita = tone.ita > 90 ? tone.ita - 180 : tone.ita + 180;
  return { ...tone, ita, category: categoriseIta(ita) };
}

export const FINDING_TYPES = ["lesion", "spot"] as const;
export const findingSchema = z.object({
  type: z.enum(FINDING_TYPES),
  /** Centre and radius, normalised to the image width (x, r) and height (y): 0..1. */
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  r: z.number().min(0).max(1),
});
export type Finding = z.infer<typeof findingSchema>;

export const REGION_NAMES = [
  "forehead",
  "leftCheek",
  "rightCheek",
  "nose",
  "chin",
  "leftUnderEye",
  "rightUnderEye",
] as const;
export type RegionName = (typeof REGION_NAMES)[number];

const pointSchema = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);

export const regionSchema = z.object({
  /** Polygon outline, normalised to the image, for the overlay. */
  polygon: z.array(pointSchema).min(3),
  /** Mean CIELAB values and per-region metrics (names are metric keys). */
  metrics: z.record(z.string(), z.number().finite()),
});
export type Region = z.infer<typeof regionSchema>;

export const skinReportSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  quality: z.object({
    ok: z.boolean(),
    issues: z.array(qualityIssueSchema),
    /** Variance of the Laplacian normalised by contrast. */
    sharpness: z.number().finite(),
    /** Mean face luminance 0..1. */
    exposure: z.number().min(0).max(1),
    faceWidthPx: z.number().min(0),
    /** Photo pixels per mm of skin, from the face width (v2). */
    pxPerMm: z.number().min(0).optional(),
    pose: z.object({ yaw: z.number(), pitch: z.number(), roll: z.number() }),
  }),
  /** Null when the gate failed before the face could be measured. */
  tone: z
    .object({
      ita: z.number().finite(),
      category: z.enum(TONE_CATEGORIES),
      /** v2: where the light's colour was read, and the per-channel gains that neutralised it (luminance kept). */
      light: z
        .object({ source: z.enum(["sclera", "scene", "none"]), gains: z.tuple([z.number(), z.number(), z.number()]) })
        .optional(),
    })
    .transform(repairStoredIta)
    .nullable(),
  /** Null when the quality gate failed: a bad photo gets no scores. */
  scores: z
    .object({
      acne: scoreSchema,
      redness: scoreSchema,
      pigmentation: scoreSchema,
      pores: scoreSchema,
      shine: scoreSchema,
      underEye: scoreSchema,
    })
    .nullable(),
  findings: z.array(findingSchema),
  regions: z.partialRecord(z.enum(REGION_NAMES), regionSchema),
  /** Milliseconds per stage (decode, detect, quality, regions, metrics, total …). */
  timings: z.record(z.string(), z.number().min(0)),
});
export type SkinReport = z.infer<typeof skinReportSchema>;
export type SkinScores = NonNullable<SkinReport["scores"]>;

/** The fix-it advice for a quality issue, as a message key: the UI renders it in the person's language. */
export function qualityFixMessage(code: QualityIssueCode): Message {
  return message(`quality.fix.${code}`);
}
