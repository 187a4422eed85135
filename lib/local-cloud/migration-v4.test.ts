import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { makeAnalysis } from "@/testing/domain/records";
import { migrate } from "./db";
import { MIGRATIONS } from "./migrations";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("migration v4 (guests, photo retention)", () => {
  it("keeps v3 records and their order, dates kept photos for retention, and still deletes a user's analyses with the user", () => {
    const dir = mkdtempSync(join(tmpdir(), "skinsight-v4-"));
    dirs.push(dir);
    const db = new Database(join(dir, "v3.db"));
    db.pragma("foreign_keys = ON");
    db.transaction(() => {
      for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
      db.pragma("user_version = 3");
    })();
    db.prepare(
      "INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@example.com', 'x', 'now')",
    ).run();
    const withPhoto = makeAnalysis({
      id: "b",
      owner: "u1",
      imageKey: "uploads/u1/b.jpg",
      updatedAt: "2025-02-01T00:00:00.000Z",
    });
    const noPhoto = makeAnalysis({ id: "a", owner: "u1", imageKey: null });
    for (const a of [withPhoto, noPhoto]) {
      db.prepare(
        "INSERT INTO analyses (id, owner, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(a.id, a.owner, a.status, JSON.stringify(a), a.createdAt, a.updatedAt);
    }

    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT id, photo_uploaded_at AS at FROM analyses ORDER BY rowid").all()).toEqual([
      { id: "b", at: Date.parse("2025-02-01T00:00:00.000Z") },
      { id: "a", at: null },
    ]);
    // A guest owns records with no users row.
    db.prepare(
      "INSERT INTO analyses (id, owner, status, data, created_at, updated_at) VALUES ('g', 'guest-x', 'CREATED', '{}', 'now', 'now')",
    ).run();
    db.prepare("DELETE FROM users WHERE id = 'u1'").run();
    expect(db.prepare("SELECT id FROM analyses").all()).toEqual([{ id: "g" }]);
    db.close();
  });
});
