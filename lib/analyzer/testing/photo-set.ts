import { loadDevPackagePhotos } from "./dev-photos";
import { loadHeldout } from "./heldout-photos";
import { loadCleanSelfies, type Selfie } from "./selfies";

/**
 * The evaluation's photos, in two splits. "dev" is what the analyzer's thresholds are tuned on: the face-api
 * demo crops every test uses plus the faces of dev-photos.ts. "heldout" is never tuned on: photos from other packages.
 */
export type Split = "dev" | "heldout";

export async function loadSplit(split: Split): Promise<{ selfies: Selfie[]; missing: string[] }> {
  if (split === "heldout") return loadHeldout();
  const more = await loadDevPackagePhotos();
  return { selfies: [...(await loadCleanSelfies()), ...more.selfies], missing: more.missing };
}
