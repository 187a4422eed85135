import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db";
import type { LocalUser } from "./accounts";

export const SESSION_COOKIE = "skinsight_session";

// Only a hash is stored, so a copied database file cannot be replayed as live sessions.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createSession(db: Db, userId: string, now: Date, ttlHours: number): { token: string; maxAgeS: number } {
  const token = randomBytes(32).toString("base64url");
  const maxAgeS = ttlHours * 3600;
  db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)").run(
    hashToken(token),
    userId,
    now.getTime(),
    now.getTime() + maxAgeS * 1000,
  );
  return { token, maxAgeS };
}

const sessionUserSchema = z.object({ id: z.string(), email: z.string() });

export function findSessionUser(db: Db, token: string, now: Date): LocalUser | null {
  const row = db
    .prepare(
      `SELECT u.id, u.email FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    )
    .get(hashToken(token), now.getTime());
  return row ? sessionUserSchema.parse(row) : null;
}

export function deleteSession(db: Db, token: string): void {
  db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(hashToken(token));
}

export function pruneSessions(db: Db, now: Date): void {
  db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now.getTime());
  db.prepare("DELETE FROM sign_in_failures WHERE at <= ?").run(now.getTime() - 24 * 3600 * 1000);
}

export function sessionCookie(token: string, maxAgeS: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeS}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}
