import { afterEach, describe, expect, it } from "vitest";
import { CONTRACT_SURVEY } from "@/lib/backend/contract/fixtures";
import { transition } from "@/lib/domain/analysis";
import { openTempDb } from "@/testing/local-cloud/temp-db";
import { AnalysisStore } from "./analyses";
import { migrate } from "./db";
import { EventBus, type LocalEvent } from "./events";
import { MIGRATIONS } from "./migrations";
import { openEventStream } from "./sse";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const temp = openTempDb();
  cleanups.push(temp.cleanup);
  const bus = new EventBus(temp.db);
  const store = new AnalysisStore(temp.db, bus);
  const addUser = (id: string) =>
    temp.db
      .prepare("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, 'x', 'now')")
      .run(id, `${id}@example.com`);
  addUser("alice");
  addUser("bob");
  return { ...temp, bus, store };
}

const now = new Date("2025-01-01T00:00:00.000Z");

async function readFrames(response: Response, count: number): Promise<string> {
  const reader = response.body?.getReader();
  let text = "";
  while (reader && (text.match(/\n\n/g)?.length ?? 0) < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
}

describe("database", () => {
  it("is in WAL mode at the latest schema version, and migrating again changes nothing", () => {
    const { db } = setup();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
  });
});

describe("AnalysisStore", () => {
  it("hides other owners' records and pages newest first", () => {
    const { store } = setup();
    const ids = Array.from({ length: 25 }, () => store.create("alice", CONTRACT_SURVEY, now).id);
    store.create("bob", CONTRACT_SURVEY, now);
    const first = store.list("alice", null);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.id).toBe(ids[24]);
    const second = store.list("alice", first.nextCursor);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual([...ids].reverse());
    expect(() => store.get("bob", ids[0] ?? "")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => store.list("alice", "not-a-cursor")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("refuses a save the status machine forbids, so a stale run cannot overwrite newer state", () => {
    const { store } = setup();
    const created = store.create("alice", CONTRACT_SURVEY, now);
    const uploaded = transition(created, "UPLOADED", now.toISOString(), { imageKey: "k" });
    store.save(uploaded, now);
    const analyzing = transition(uploaded, "ANALYZING", now.toISOString());
    store.save(analyzing, now);
    // A run that still believes the record is CREATED tries to move it to UPLOADED again.
    expect(() => store.save(uploaded, now)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    expect(store.find(created.id)?.status).toBe("ANALYZING");
    // A request that read UPLOADED before the record moved on loses, even for a same-status write.
    expect(() => store.save(analyzing, now, "UPLOADED")).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });

  it("logs and publishes every change to the owner only", () => {
    const { store, bus } = setup();
    const toAlice: LocalEvent[] = [];
    const toBob: LocalEvent[] = [];
    bus.subscribe("alice", (e) => toAlice.push(e));
    bus.subscribe("bob", (e) => toBob.push(e));
    const created = store.create("alice", CONTRACT_SURVEY, now);
    store.delete("alice", created.id, now);
    expect(toAlice.map((e) => e.type)).toEqual(["analysis", "analysis-deleted"]);
    expect(toBob).toEqual([]);
    expect(bus.replay("alice", 0).map((e) => e.id)).toEqual(toAlice.map((e) => e.id));
    expect(bus.replay("bob", 0)).toEqual([]);
  });
});

describe("event stream", () => {
  it("replays after Last-Event-ID, then streams live events, for the owner's analyses only", async () => {
    const { store, bus } = setup();
    const first = store.create("alice", CONTRACT_SURVEY, now);
    const cursor = bus.latestId();
    const second = store.create("alice", CONTRACT_SURVEY, now);
    store.create("bob", CONTRACT_SURVEY, now);
    const controller = new AbortController();
    const response = openEventStream(bus, "alice", {
      afterId: cursor,
      heartbeatMs: 60_000,
      maxStreams: 5,
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const live = store.create("alice", CONTRACT_SURVEY, now);
    const text = await readFrames(response, 3);
    controller.abort();
    expect(text).toContain(second.id);
    expect(text).toContain(live.id);
    expect(text).not.toContain(first.id);
    expect(text.match(/^id: \d+$/gm)).toHaveLength(2);
    expect(bus.listenerCount()).toBe(0);
  });

  it("sends heartbeats and ends every stream on shutdown", async () => {
    const { bus } = setup();
    const response = openEventStream(bus, "alice", {
      afterId: null,
      heartbeatMs: 10,
      maxStreams: 5,
      signal: new AbortController().signal,
    });
    const reader = response.body?.getReader();
    let text = "";
    while (reader && !/: heartbeat \d+/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    bus.closeAllStreams();
    // The stream ends: reading drains at most what was queued, then reports done.
    let done = false;
    while (reader && !done) done = (await reader.read()).done;
    expect(done).toBe(true);
    expect(bus.isClosing).toBe(true);
    expect(bus.listenerCount()).toBe(0);
  });
});
