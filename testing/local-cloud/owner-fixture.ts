import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { transition, type Analysis } from "@/lib/domain/analysis";
import { loadCatalog } from "@/lib/domain/catalog";
import { recommend } from "@/lib/domain/recommend";
import { AnalysisStore } from "@/lib/local-cloud/analyses";
import { EventBus } from "@/lib/local-cloud/events";
import { ImageStorage } from "@/lib/local-cloud/storage";
import { makeReport, SURVEY } from "@/testing/domain/records";
import { openTempDb } from "./temp-db";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

/** A temp local cloud without the model or the runner: the database, events, records and photo storage. */
export function openOwnerFixture() {
  const temp = openTempDb();
  const bus = new EventBus(temp.db);
  const store = new AnalysisStore(temp.db, bus);
  const storage = new ImageStorage(temp.dataDir);

  const addUser = (email = `${randomUUID()}@example.com`) => {
    const id = randomUUID();
    temp.db
      .prepare(
        "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, 'scrypt$x', '2025-01-01T00:00:00.000Z')",
      )
      .run(id, email);
    return { id, email };
  };

  /** An analysis taken all the way to COMPLETE, with its photo on disk uploaded at `at`. */
  const completeAnalysis = async (owner: string, at: Date): Promise<Analysis> => {
    const iso = at.toISOString();
    let analysis = store.create(owner, SURVEY, at);
    const key = storage.keyFor(owner, analysis.id);
    await storage.write(key, JPEG);
    analysis = transition(analysis, "UPLOADED", iso, { imageKey: key });
    store.save(analysis, at);
    store.recordPhotoUpload(analysis.id, at);
    temp.db
      .prepare(
        "INSERT INTO jobs (analysis_id, status, attempts, max_attempts, run_after, created_at, updated_at) VALUES (?, 'done', 1, 3, 0, 0, 0)",
      )
      .run(analysis.id);
    const report = makeReport();
    analysis = transition(analysis, "ANALYZING", iso);
    store.save(analysis, at);
    analysis = transition(analysis, "RECOMMENDING", iso, { report });
    store.save(analysis, at);
    analysis = transition(analysis, "COMPLETE", iso, { recommendation: recommend(report, SURVEY, loadCatalog()) });
    store.save(analysis, at);
    return analysis;
  };

  /** Every row of every table that mentions `needle` (an id or an email), as "table: row". */
  const rowsMentioning = (...needles: string[]): string[] => {
    const tables = temp.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => (row as { name: string }).name);
    const hits: string[] = [];
    for (const table of tables) {
      for (const row of temp.db.prepare(`SELECT * FROM ${table}`).all()) {
        const text = JSON.stringify(row);
        if (needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()))) hits.push(`${table}: ${text}`);
      }
    }
    return hits;
  };

  const hasUploads = (owner: string) => existsSync(join(temp.dataDir, "uploads", owner));

  return { ...temp, bus, store, storage, addUser, completeAnalysis, rowsMentioning, hasUploads };
}
