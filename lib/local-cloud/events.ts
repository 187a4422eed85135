import { z } from "zod";
import type { Db } from "./db";

export const EVENT_TYPES = ["analysis", "analysis-deleted"] as const;
export type LocalEventType = (typeof EVENT_TYPES)[number];

/** One entry of the per-user event log; `id` doubles as the SSE `id:` for Last-Event-ID resume. */
export interface LocalEvent {
  id: number;
  owner: string;
  analysisId: string;
  type: LocalEventType;
  /** JSON text: the Analysis for "analysis", `{ id }` for "analysis-deleted". */
  data: string;
}

type Listener = (event: LocalEvent) => void;

const eventRowSchema = z.object({
  id: z.number().int(),
  owner: z.string(),
  analysis_id: z.string(),
  type: z.enum(EVENT_TYPES),
  data: z.string(),
});

const toEvent = (row: unknown): LocalEvent => {
  const r = eventRowSchema.parse(row);
  return { id: r.id, owner: r.owner, analysisId: r.analysis_id, type: r.type, data: r.data };
};

// A resuming client more than this far behind gets only what is kept; it re-reads records on resume anyway.
const REPLAY_LIMIT = 500;
const EVENT_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Durable per-user event log plus an in-process fan-out to open SSE streams. */
export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly streams = new Map<() => void, string>();
  private closing = false;

  constructor(private readonly db: Db) {}

  /** Appends to the log; call inside the transaction that changed the record, then `publish`. */
  append(owner: string, analysisId: string, type: LocalEventType, data: string, now: Date): LocalEvent {
    const info = this.db
      .prepare("INSERT INTO events (owner, analysis_id, type, data, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(owner, analysisId, type, data, now.getTime());
    return { id: Number(info.lastInsertRowid), owner, analysisId, type, data };
  }

  publish(event: LocalEvent): void {
    for (const listener of this.listeners.get(event.owner) ?? []) listener(event);
  }

  subscribe(owner: string, listener: Listener): () => void {
    const set = this.listeners.get(owner) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(owner, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(owner);
    };
  }

  /** Events for `owner` after `afterId`, oldest first. */
  replay(owner: string, afterId: number, analysisId?: string): LocalEvent[] {
    const rows = analysisId
      ? this.db
          .prepare("SELECT * FROM events WHERE owner = ? AND id > ? AND analysis_id = ? ORDER BY id LIMIT ?")
          .all(owner, afterId, analysisId, REPLAY_LIMIT)
      : this.db
          .prepare("SELECT * FROM events WHERE owner = ? AND id > ? ORDER BY id LIMIT ?")
          .all(owner, afterId, REPLAY_LIMIT);
    return rows.map(toEvent);
  }

  /** The newest event id overall: a cursor meaning "everything up to now". */
  latestId(): number {
    const row = z
      .object({ id: z.number().nullable() })
      .parse(this.db.prepare("SELECT MAX(id) AS id FROM events").get());
    return row.id ?? 0;
  }

  prune(now: Date): void {
    this.db.prepare("DELETE FROM events WHERE created_at < ?").run(now.getTime() - EVENT_RETENTION_MS);
  }

  /** Open SSE streams register here so shutdown can end them (Next waits for open responses). */
  trackStream(owner: string, close: () => void): () => void {
    this.streams.set(close, owner);
    return () => this.streams.delete(close);
  }

  /** How many streams `owner` holds open right now: the per-user cap counts these. */
  streamCount(owner: string): number {
    let n = 0;
    for (const streamOwner of this.streams.values()) if (streamOwner === owner) n += 1;
    return n;
  }

  /** Ends every open stream and refuses new ones: the process is shutting down. */
  closeAllStreams(): void {
    this.closing = true;
    for (const close of [...this.streams.keys()]) close();
  }

  get isClosing(): boolean {
    return this.closing;
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
