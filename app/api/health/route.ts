import { isLocalMode } from "@/lib/local-cloud/config";
import { getLocalCloud } from "@/lib/local-cloud/runtime";

export const dynamic = "force-dynamic";

/** Liveness plus the local cloud's parts: 200 when the database answers and the model is usable. */
export function GET(): Response {
  if (!isLocalMode()) return Response.json({ ok: true, mode: "amplify" }, { headers: { "Cache-Control": "no-store" } });
  const cloud = getLocalCloud();
  let db: { ok: boolean; error?: string };
  try {
    cloud.db.prepare("SELECT 1").get();
    db = { ok: true };
  } catch (error) {
    db = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const model = cloud.model.info();
  const modelOk = model.status === "ready" || model.status === "external";
  const ok = db.ok && modelOk;
  return Response.json(
    {
      ok,
      mode: "local",
      db,
      model: { ...model, ok: modelOk },
      jobs: cloud.runner.stats(),
      streams: cloud.bus.listenerCount(),
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
