import { randomUUID } from "node:crypto";
import { z } from "zod";
import { analysisSchema, canTransition, type Analysis, type AnalysisStatus } from "@/lib/domain/analysis";
import type { Survey } from "@/lib/domain/survey";
import type { Db } from "./db";
import { LocalCloudError, notFound } from "./errors";
import type { EventBus } from "./events";

const rowSchema = z.object({ data: z.string() });
const toAnalysis = (row: unknown): Analysis => analysisSchema.parse(JSON.parse(rowSchema.parse(row).data));

export const PAGE_SIZE = 20;

const cursorSchema = z.object({ r: z.number().int().positive() });
const encodeCursor = (rowid: number) => Buffer.from(JSON.stringify({ r: rowid })).toString("base64url");
function decodeCursor(cursor: string): { r: number } {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch (error) {
    throw new LocalCloudError("INVALID_INPUT", "That page link is not valid. Please reload the list.", {
      cause: error,
    });
  }
}

/** Analysis records; every write also appends to the owner's event log and publishes it. */
export class AnalysisStore {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
  ) {}

  create(owner: string, survey: Survey, now: Date): Analysis {
    const at = now.toISOString();
    const analysis: Analysis = {
      id: randomUUID(),
      owner,
      status: "CREATED",
      survey,
      imageKey: null,
      report: null,
      recommendation: null,
      failure: null,
      createdAt: at,
      updatedAt: at,
      completedAt: null,
    };
    const event = this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO analyses (id, owner, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(analysis.id, owner, analysis.status, JSON.stringify(analysis), at, at);
      return this.bus.append(owner, analysis.id, "analysis", JSON.stringify(analysis), now);
    })();
    this.bus.publish(event);
    return analysis;
  }

  /** Any owner's record: for the pipeline and the job runner, never for a request. */
  find(id: string): Analysis | null {
    const row = this.db.prepare("SELECT data FROM analyses WHERE id = ?").get(id);
    return row ? toAnalysis(row) : null;
  }

  /** The owner's record; someone else's id is indistinguishable from a missing one. */
  get(owner: string, id: string): Analysis {
    const row = this.db.prepare("SELECT data FROM analyses WHERE id = ? AND owner = ?").get(id, owner);
    if (!row) throw notFound();
    return toAnalysis(row);
  }

  list(owner: string, cursor: string | null, limit = PAGE_SIZE): { items: Analysis[]; nextCursor: string | null } {
    const after = cursor ? decodeCursor(cursor) : null;
    // Newest first by insertion order (rowid), which never ties, unlike millisecond timestamps.
    const rows = z
      .array(z.object({ seq: z.number(), data: z.string() }))
      .parse(
        this.db
          .prepare("SELECT rowid AS seq, data FROM analyses WHERE owner = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?")
          .all(owner, after?.r ?? Number.MAX_SAFE_INTEGER, limit + 1),
      );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toAnalysis), nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }

  /**
   * Persists a new version and publishes it. Guarded by the status machine against the stored row,
   * so a run abandoned after a timeout cannot overwrite what superseded it. Request handlers also
   * pass the status they read (`expected`), so of two racing requests only one wins.
   */
  save(analysis: Analysis, now: Date, expected?: AnalysisStatus): void {
    const parsed = analysisSchema.parse(analysis);
    const event = this.db.transaction(() => {
      const current = this.find(parsed.id);
      if (!current) throw notFound();
      const moved = expected !== undefined && current.status !== expected;
      if (moved || (current.status !== parsed.status && !canTransition(current.status, parsed.status))) {
        throw new LocalCloudError(
          "CONFLICT",
          `This analysis changed meanwhile (it is now ${current.status}). Please reload and try again.`,
        );
      }
      const json = JSON.stringify({ ...parsed, owner: current.owner });
      this.db
        .prepare("UPDATE analyses SET status = ?, data = ?, updated_at = ? WHERE id = ?")
        .run(parsed.status, json, parsed.updatedAt, parsed.id);
      return this.bus.append(current.owner, parsed.id, "analysis", json, now);
    })();
    this.bus.publish(event);
  }

  /** When the photo was stored, for retention (PHOTO_RETENTION_DAYS). */
  recordPhotoUpload(id: string, now: Date): void {
    this.db.prepare("UPDATE analyses SET photo_uploaded_at = ? WHERE id = ?").run(now.getTime(), id);
  }

  /** Analyses whose photo was uploaded at or before `before`, oldest first. */
  withPhotosUploadedBefore(before: Date): Analysis[] {
    return this.db
      .prepare("SELECT data FROM analyses WHERE photo_uploaded_at <= ? ORDER BY photo_uploaded_at")
      .all(before.getTime())
      .map(toAnalysis);
  }

  /** Drops the photo from a record (retention): the results stay, the photo reference goes. */
  forgetPhoto(id: string, now: Date): void {
    const current = this.find(id);
    if (!current) return;
    const json = JSON.stringify({ ...current, imageKey: null });
    const event = this.db.transaction(() => {
      this.db.prepare("UPDATE analyses SET data = ?, photo_uploaded_at = NULL WHERE id = ?").run(json, id);
      return this.bus.append(current.owner, id, "analysis", json, now);
    })();
    this.bus.publish(event);
  }

  /** Adds a finished analysis to `owner`'s history as it is (a kept guest result); its id must be new. */
  adopt(owner: string, analysis: Analysis, now: Date): Analysis {
    const adopted = analysisSchema.parse({ ...analysis, owner, imageKey: null });
    const event = this.db.transaction(() => {
      if (this.find(adopted.id)) throw new LocalCloudError("CONFLICT", "This result is already in a history.");
      this.db
        .prepare("INSERT INTO analyses (id, owner, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(adopted.id, owner, adopted.status, JSON.stringify(adopted), adopted.createdAt, adopted.updatedAt);
      return this.bus.append(owner, adopted.id, "analysis", JSON.stringify(adopted), now);
    })();
    this.bus.publish(event);
    return adopted;
  }

  /** Every record of `owner`, oldest first (export). */
  all(owner: string): Analysis[] {
    return this.db.prepare("SELECT data FROM analyses WHERE owner = ? ORDER BY rowid").all(owner).map(toAnalysis);
  }

  delete(owner: string, id: string, now: Date): Analysis {
    const { analysis, event } = this.db.transaction(() => {
      const found = this.get(owner, id);
      this.db.prepare("DELETE FROM analyses WHERE id = ?").run(id);
      this.db.prepare("DELETE FROM jobs WHERE analysis_id = ? AND status <> 'running'").run(id);
      return { analysis: found, event: this.bus.append(owner, id, "analysis-deleted", JSON.stringify({ id }), now) };
    })();
    this.bus.publish(event);
    return analysis;
  }
}
