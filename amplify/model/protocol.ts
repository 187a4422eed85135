import type { SkinReport } from "../../lib/domain/skin-report";

export type WorkerRequest = { id: number; bytes: Uint8Array };

export type WorkerReply =
  | { id: number; ok: true; report: SkinReport }
  | { id: number; ok: false; input: boolean; code: string; message: string };

export type WorkerStatus = { ready: boolean; message?: string };
