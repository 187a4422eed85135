import { zipSync, strToU8, type Zippable } from "fflate";
import type { Analysis } from "@/lib/domain/analysis";
import type { AnalysisStore } from "../analyses";
import type { ImageStorage } from "../storage";

const README = `Skinsight: your data

account.json            your account (email, when it was created)
analyses/<n>-<id>.json  every analysis: your survey answers, the skin report, the product picks and their status
photos/<id>.jpg         the photos still kept (each is deleted PHOTO_RETENTION_DAYS after upload)
`;

export interface ExportOwner {
  id: string;
  email: string;
}

/** One zip with everything of this user: JSON per analysis, plus the photos still kept. */
export async function buildExportArchive(
  deps: { store: AnalysisStore; storage: ImageStorage },
  user: ExportOwner,
  now: Date,
): Promise<Uint8Array> {
  const analyses = deps.store.all(user.id);
  const files: Zippable = {
    "README.txt": strToU8(README),
    "account.json": strToU8(JSON.stringify({ id: user.id, email: user.email, exportedAt: now.toISOString() }, null, 2)),
  };
  const width = String(analyses.length).length;
  for (const [index, analysis] of analyses.entries()) {
    files[`analyses/${String(index + 1).padStart(width, "0")}-${analysis.id}.json`] = strToU8(
      JSON.stringify(analysis, null, 2),
    );
    const photo = await readPhoto(deps.storage, analysis);
    // JPEG is already compressed; storing it saves time for nothing lost.
    if (photo) files[`photos/${analysis.id}.jpg`] = [photo, { level: 0 }];
  }
  return zipSync(files, { level: 6, mtime: now });
}

async function readPhoto(storage: ImageStorage, analysis: Analysis): Promise<Uint8Array | null> {
  if (!analysis.imageKey) return null;
  const bytes = await storage.read(analysis.imageKey);
  return bytes ? new Uint8Array(bytes) : null;
}
