import { z } from "zod";
import { ROUTINE_STEPS } from "../catalog/product";
import type { MessageValue } from "../message";
import { messageSchema } from "../message-schema";
import { fromStoredLabel, fromStoredText } from "./stored-text";

/** A message; English text stored before messages existed is read back as one (stored-text.ts). */
const textSchema = z.union([messageSchema, z.string().min(1).transform(fromStoredText)]);
/** A routine line: a product's name as sold, or a message. */
const labelSchema = z.union([
  messageSchema,
  z
    .string()
    .min(1)
    .transform((label): MessageValue => fromStoredLabel(label)),
]);

export const HARD_FILTERS = ["budget", "fragrance", "sensitivity", "pregnancy", "skin-type"] as const;
export type HardFilter = (typeof HARD_FILTERS)[number];

export const pickSchema = z.object({
  productId: z.string().min(1),
  brand: z.string().min(1),
  name: z.string().min(1),
  step: z.enum(ROUTINE_STEPS),
  priceRm: z.number().positive(),
  /** Pack size as sold ("50 ml"); optional so recommendations stored before it was added still parse. */
  size: z.string().min(1).optional(),
  /** Why the pick is priced outside the chosen budget band; absent when it is inside. */
  budgetNote: textSchema.optional(),
  keyActives: z.array(z.string()),
  am: z.boolean(),
  pm: z.boolean(),
  links: z.object({ shopee: z.string(), lazada: z.string() }),
  /** Each reason names the score or answer behind it. */
  reasons: z.array(textSchema).min(1),
});
export type Pick = z.infer<typeof pickSchema>;

export const routineItemSchema = z.object({
  step: z.enum(ROUTINE_STEPS),
  productId: z.string().nullable(),
  label: labelSchema,
});

export const warningSchema = z.object({
  code: z.string().min(1),
  message: textSchema,
});
export type RecommendationWarning = z.infer<typeof warningSchema>;

export const recommendationSchema = z.object({
  picks: z.array(pickSchema).max(3),
  routine: z.object({ am: z.array(routineItemSchema), pm: z.array(routineItemSchema) }),
  warnings: z.array(warningSchema),
  notes: z.array(textSchema),
  /** When fewer than three products fit, the filters that limited the choice. */
  limitedBy: z.array(z.enum(HARD_FILTERS)),
  /** True when no photo report was available (survey-only). */
  surveyOnly: z.boolean(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;
