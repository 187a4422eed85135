import { z } from "zod";
import type { Db } from "../db";
import type { ImageStorage } from "../storage";

/**
 * Removes everything one owner (a user or a guest) has: analyses, their jobs, the event log,
 * sessions, the account row and the photo folder. No "deleted" event is logged: the log is theirs too.
 */
export async function eraseOwner(deps: { db: Db; storage: ImageStorage }, owner: string): Promise<void> {
  const { db, storage } = deps;
  db.transaction(() => {
    const email = z
      .object({ email: z.string() })
      .optional()
      .parse(db.prepare("SELECT email FROM users WHERE id = ?").get(owner))?.email;
    // A job still running for one of these finds its record gone and stops (the pipeline's save fails).
    db.prepare("DELETE FROM jobs WHERE analysis_id IN (SELECT id FROM analyses WHERE owner = ?)").run(owner);
    db.prepare("DELETE FROM analyses WHERE owner = ?").run(owner);
    db.prepare("DELETE FROM events WHERE owner = ?").run(owner);
    db.prepare("DELETE FROM sessions WHERE user_id = ?").run(owner);
    db.prepare("DELETE FROM guest_sessions WHERE guest_id = ?").run(owner);
    if (email !== undefined) db.prepare("DELETE FROM sign_in_failures WHERE email = ?").run(email);
    db.prepare("DELETE FROM users WHERE id = ?").run(owner);
  })();
  await storage.removeOwner(owner);
}
