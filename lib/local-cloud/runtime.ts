import { makeFailure, transition, TERMINAL_STATUSES } from "@/lib/domain/analysis";
import { AnalysisNotFoundError, runAnalysis } from "@/lib/pipeline";
import { AnalysisStore } from "./analyses";
import { readConfig, type LocalCloudConfig } from "./config";
import { openDb, type Db } from "./db";
import { EventBus } from "./events";
import { installForwardedHeaderGuard } from "./forwarded-headers";
import { scheduleHousekeeping } from "./housekeeping";
import { JobRunner } from "./jobs";
import { ModelProcess } from "./model-process";
import { createLocalPipelinePorts } from "./pipeline-ports";
import { ImageStorage } from "./storage";
import { readTrustProxy } from "../web-security/hosts";

export interface LocalCloud {
  config: LocalCloudConfig;
  db: Db;
  bus: EventBus;
  store: AnalysisStore;
  storage: ImageStorage;
  runner: JobRunner;
  model: ModelProcess;
  close(): void;
}

// Next bundles instrumentation and each route handler separately; a module-level variable would
// give each bundle its own database handle, runner and event bus. One process, one key.
const KEY = Symbol.for("skinsight.local-cloud");
type WithCloud = typeof globalThis & { [KEY]?: LocalCloud };

/** The process-wide local cloud, started on first use (normally from instrumentation.ts). */
export function getLocalCloud(): LocalCloud {
  const g = globalThis as WithCloud;
  g[KEY] ??= startLocalCloud(readConfig());
  return g[KEY];
}

/** Called from instrumentation.ts: starts everything now and ends open streams on Ctrl-C. */
export function startOnBoot(): LocalCloud {
  installForwardedHeaderGuard(readTrustProxy());
  const cloud = getLocalCloud();
  const stop = () => {
    // Next's graceful close waits for open responses; event streams never end on their own.
    cloud.bus.closeAllStreams();
    cloud.model.stop();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return cloud;
}

export function startLocalCloud(config: LocalCloudConfig): LocalCloud {
  const db = openDb(config.DATA_DIR);
  const bus = new EventBus(db);
  const store = new AnalysisStore(db, bus);
  const storage = new ImageStorage(config.DATA_DIR);
  const model = new ModelProcess({
    cwd: process.cwd(),
    startTimeoutMs: config.MODEL_START_TIMEOUT_MS,
    externalEndpoint: config.MODEL_ENDPOINT_URL,
  });
  const ports = createLocalPipelinePorts({ config, store, storage, model });

  const runner = new JobRunner(db, {
    concurrency: config.JOB_CONCURRENCY,
    timeoutMs: config.JOB_TIMEOUT_MS,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    run: async (analysisId) => {
      // Deleted while queued: nothing to do. Deleted while running: runAnalysis says so, and that is not a failure.
      if (!store.find(analysisId)) return;
      await runAnalysis(analysisId, ports).catch((error: unknown) => {
        if (!(error instanceof AnalysisNotFoundError)) throw error;
      });
    },
    giveUp: (analysisId, reason, error) => {
      console.error(`[local-cloud] gave up on analysis ${analysisId} (${reason}):`, error);
      const current = store.find(analysisId);
      if (!current || TERMINAL_STATUSES.includes(current.status)) return;
      try {
        store.save(
          transition(current, "FAILED", new Date().toISOString(), { failure: makeFailure(reason) }),
          new Date(),
        );
      } catch (saveError) {
        console.error(`[local-cloud] could not record the failure of ${analysisId}:`, saveError);
      }
    },
  });

  // Also prunes sessions and the event log; first run now, then every HOUSEKEEPING_INTERVAL_MS.
  const stopHousekeeping = scheduleHousekeeping(
    { db, bus, store, storage, photoRetentionDays: config.PHOTO_RETENTION_DAYS },
    config.HOUSEKEEPING_INTERVAL_MS,
  );
  model.start();
  const resumed = runner.start();
  if (resumed > 0) console.log(`[local-cloud] resumed ${resumed} unfinished job(s)`);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stopHousekeeping();
    void runner.stop(0);
    model.stop();
    db.close();
  };
  // Both steps are synchronous, so they also run when Next exits the process on SIGINT/SIGTERM.
  process.once("exit", close);
  console.log(
    `[local-cloud] data in ${config.DATA_DIR}; model ${config.MODEL_ENDPOINT_URL ?? "child process starting"}`,
  );
  return { config, db, bus, store, storage, runner, model, close };
}
