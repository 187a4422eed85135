import { loadHeldout } from "./heldout-photos";
import { loadCleanSelfies, type Selfie } from "./selfies";

/**
 * The evaluation's photos, in two splits. "dev" is what the analyzer's thresholds were tuned on (the
 * face-api demo crops every test uses). "heldout" is never tuned on: photos from other packages.
 */
export type Split = "dev" | "heldout";

export async function loadSplit(split: Split): Promise<{ selfies: Selfie[]; missing: string[] }> {
  if (split === "dev") return { selfies: await loadCleanSelfies(), missing: [] };
  return loadHeldout();
}
