import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../lib/local-cloud/db";

/** A migrated database in a fresh temporary DATA_DIR; `cleanup` closes it and removes the directory. */
export function openTempDb(): { db: Db; dataDir: string; cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), "skinsight-unit-"));
  const db = openDb(dataDir);
  return {
    db,
    dataDir,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
