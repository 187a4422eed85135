import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db";

/**
 * A guest session: one check without an account. It has no users row; its id is an owner id of its
 * own kind ("guest-<uuid>"), so every owner check that keeps users apart keeps guests apart too.
 */
export const GUEST_COOKIE = "skinsight_guest";
export const GUEST_PREFIX = "guest-";
// The backstop: nothing of a guest check outlives a day, shown or not.
export const GUEST_TTL_MS = 24 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const isGuestId = (owner: string) => owner.startsWith(GUEST_PREFIX);

export function createGuestSession(db: Db, now: Date): { token: string; guestId: string; maxAgeS: number } {
  const token = randomBytes(32).toString("base64url");
  const guestId = `${GUEST_PREFIX}${randomUUID()}`;
  db.prepare("INSERT INTO guest_sessions (token_hash, guest_id, created_at, expires_at) VALUES (?, ?, ?, ?)").run(
    hashToken(token),
    guestId,
    now.getTime(),
    now.getTime() + GUEST_TTL_MS,
  );
  return { token, guestId, maxAgeS: GUEST_TTL_MS / 1000 };
}

export function findGuest(db: Db, token: string, now: Date): string | null {
  const row = z
    .object({ guest_id: z.string() })
    .optional()
    .parse(
      db
        .prepare("SELECT guest_id FROM guest_sessions WHERE token_hash = ? AND expires_at > ?")
        .get(hashToken(token), now.getTime()),
    );
  return row?.guest_id ?? null;
}

export function deleteGuestSessionsOf(db: Db, guestId: string): void {
  db.prepare("DELETE FROM guest_sessions WHERE guest_id = ?").run(guestId);
}

export function guestCookie(token: string, maxAgeS: number, secure: boolean): string {
  const parts = [`${GUEST_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeS}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedGuestCookie(): string {
  return `${GUEST_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
