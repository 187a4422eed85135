import { z } from "zod";
import { CONCERNS, SKIN_TYPES } from "../survey-options";
import { ACTIVE_INGREDIENTS, ROUTINE_STEPS, STRENGTHS } from "./product-options";

export * from "./product-options";

const httpsUrl = z.url({ protocol: /^https$/ });

export const productSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "Product ids are kebab-case."),
  brand: z.string().min(1),
  name: z.string().min(1),
  step: z.enum(ROUTINE_STEPS),
  keyActives: z.array(z.enum(ACTIVE_INGREDIENTS)),
  /** How strong the main active is; "strong" acids, retinoids and ≥5% benzoyl peroxide are filtered for sensitive skin. */
  strength: z.enum(STRENGTHS),
  /** Salicylic acid concentration in %, when present; >2% is not pregnancy-safe. */
  salicylicPercent: z.number().min(0).max(30).optional(),
  concerns: z.array(z.enum(CONCERNS)).min(1),
  skinTypes: z.array(z.enum(SKIN_TYPES)).min(1),
  fragranceFree: z.boolean(),
  sensitiveOk: z.boolean(),
  pregnancySafe: z.boolean(),
  priceRm: z.number().positive(),
  size: z.string().min(1),
  use: z.object({ am: z.boolean(), pm: z.boolean() }).refine((u) => u.am || u.pm, "A product is used AM, PM or both."),
  links: z.object({ shopee: httpsUrl, lazada: httpsUrl }),
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z.array(productSchema).min(1);
