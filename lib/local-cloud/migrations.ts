/**
 * Versioned schema: entry i upgrades PRAGMA user_version i → i+1. Append only; never edit a shipped entry.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE,
    at INTEGER NOT NULL
  );
  CREATE INDEX sign_in_failures_email ON sign_in_failures(email, at);
  CREATE TABLE analyses (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX analyses_owner_created ON analyses(owner, created_at DESC, id DESC);
  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    analysis_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX events_owner ON events(owner, id);
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    analysis_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_after INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX jobs_ready ON jobs(status, run_after);
  -- At most one live job per analysis, so a double-clicked "start" cannot run the pipeline twice.
  CREATE UNIQUE INDEX jobs_one_live ON jobs(analysis_id) WHERE status IN ('queued', 'running');
  `,
  // v2: list pages by insertion order (rowid); timestamps tie when analyses are created in the same millisecond.
  `
  DROP INDEX analyses_owner_created;
  CREATE INDEX analyses_owner ON analyses(owner);
  `,
  // v3: sign-in failures also remember the client's address, so one client guessing across many emails is slowed.
  `
  ALTER TABLE sign_in_failures ADD COLUMN address TEXT;
  CREATE INDEX sign_in_failures_address ON sign_in_failures(address, at);
  `,
  // v4 (issue 13): guests own analyses without an account row, so analyses.owner no longer references users
  // (deleting a user still deletes their analyses, by trigger). Photos remember when they were uploaded, for
  // retention; guest sessions, the per-client guest-check log and the key that signs kept guest results are new.
  `
  CREATE TABLE analyses_v4 (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    photo_uploaded_at INTEGER
  );
  -- The rowid is kept: history pages are ordered by it.
  INSERT INTO analyses_v4 (rowid, id, owner, status, data, created_at, updated_at, photo_uploaded_at)
    SELECT rowid, id, owner, status, data, created_at, updated_at,
      CASE WHEN json_extract(data, '$.imageKey') IS NOT NULL
        THEN CAST(strftime('%s', json_extract(data, '$.updatedAt')) AS INTEGER) * 1000 END
    FROM analyses;
  DROP TABLE analyses;
  ALTER TABLE analyses_v4 RENAME TO analyses;
  CREATE INDEX analyses_owner ON analyses(owner);
  CREATE INDEX analyses_photo_uploaded ON analyses(photo_uploaded_at) WHERE photo_uploaded_at IS NOT NULL;
  CREATE TRIGGER users_delete_analyses AFTER DELETE ON users BEGIN
    DELETE FROM analyses WHERE owner = OLD.id;
  END;
  CREATE TABLE guest_sessions (
    token_hash TEXT PRIMARY KEY,
    guest_id TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE guest_checks (
    id INTEGER PRIMARY KEY,
    address TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX guest_checks_address ON guest_checks(address, at);
  CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
  );
  `,
  // v5: sign-up attempts per client address, so one client cannot open accounts by the dozen (auth/sign-up-limit.ts).
  `
  CREATE TABLE sign_ups (
    id INTEGER PRIMARY KEY,
    address TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX sign_ups_address ON sign_ups(address, at);
  `,
];
