import { createHash, timingSafeEqual } from "node:crypto";
import type { LocalCloud } from "./runtime";

/** What /api/local/diagnostics shows to whoever holds DIAGNOSTICS_TOKEN (tests, an operator). */
export interface LocalHealth {
  ok: boolean;
  db: { ok: boolean; error?: string };
  model: ReturnType<LocalCloud["model"]["info"]> & { ok: boolean };
  jobs: ReturnType<LocalCloud["runner"]["stats"]>;
  streams: number;
}

/** Healthy when the database answers and the model is usable (ready, or an external endpoint). */
export function readLocalHealth(cloud: LocalCloud): LocalHealth {
  let db: LocalHealth["db"];
  try {
    cloud.db.prepare("SELECT 1").get();
    db = { ok: true };
  } catch (error) {
    db = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const model = cloud.model.info();
  const modelOk = model.status === "ready" || model.status === "external";
  return {
    ok: db.ok && modelOk,
    db,
    model: { ...model, ok: modelOk },
    jobs: cloud.runner.stats(),
    streams: cloud.bus.listenerCount(),
  };
}

/**
 * True when `authorization` is `Bearer <token>` for the configured token. No token configured
 * means nobody may see the details. Both sides are hashed first so the comparison takes the same
 * time whatever the lengths.
 */
export function holdsDiagnosticsToken(authorization: string | null, token: string | undefined): boolean {
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(authorization.slice("Bearer ".length)), digest(token));
}
