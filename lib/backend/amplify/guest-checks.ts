import { z } from "zod";
import { parseJsonField } from "../../../amplify/data/analysis-record";
import { guestPhotoPath } from "../../../amplify/storage/selfie-path";
import { analysisSchema, transition, type Analysis } from "../../domain/analysis";
import { surveySchema, type Survey } from "../../domain/survey";
import { BackendError, type GuestResult, type UploadProgress, type Unsubscribe } from "../port";

/**
 * A guest check in cloud mode. Nothing of it is stored in the cloud: the record lives in this page's
 * memory, the photo goes to guest/<identity id>/ only for the one runGuestCheck call (whose function
 * deletes it), and the finished result comes back in that call's answer. What leaves the tab when the
 * guest keeps the result is a record they create in their own new history.
 */

/** What the guest flow needs from aws-amplify; tests pass fakes. */
export interface GuestCheckDeps {
  /** The identity pool's guest identity of this browser (fetchAuthSession while signed out). */
  guestIdentityId(): Promise<string>;
  upload(path: string, image: Blob, onProgress?: (p: UploadProgress) => void): Promise<void>;
  /** The runGuestCheck mutation with identity-pool (guest) credentials; resolves with its AWSJSON answer. */
  runGuestCheck(input: { checkId: string; imageKey: string; survey: string }): Promise<unknown>;
  newId(): string;
  now(): string;
  /** A URL the page can show the kept photo from (URL.createObjectURL in the browser). */
  photoUrl(image: Blob): string;
}

const answerSchema = z.union([
  z.object({ ok: z.literal(true), analysis: analysisSchema }),
  z.object({ ok: z.literal(false), code: z.enum(["FORBIDDEN", "INVALID_INPUT"]) }),
  z.object({ ok: z.literal(false), code: z.literal("RATE_LIMITED"), retryAfterSeconds: z.number() }),
]);

const claimSchema = z.object({ v: z.literal(1), analysis: analysisSchema });

interface Check {
  analysis: Analysis;
  photo: Blob | null;
  listeners: Set<(analysis: Analysis) => void>;
  running: boolean;
}

export function createGuestChecks(deps: GuestCheckDeps) {
  const checks = new Map<string, Check>();
  let active = false;

  const find = (id: string): Check => {
    const check = checks.get(id);
    if (!check) throw new BackendError("NOT_FOUND", "This analysis does not exist.");
    return check;
  };
  const update = (check: Check, analysis: Analysis) => {
    check.analysis = analysis;
    for (const listener of check.listeners) listener(analysis);
  };

  return {
    /** True between beginGuestCheck and the next sign-in, sign-up or sign-out. */
    get active() {
      return active;
    },
    has: (id: string) => checks.has(id),
    end() {
      active = false;
      checks.clear();
    },

    async begin(): Promise<void> {
      await deps.guestIdentityId();
      active = true;
    },

    create(survey: Survey): Analysis {
      const parsed = surveySchema.safeParse(survey);
      if (!parsed.success)
        throw new BackendError("INVALID_INPUT", "Please answer every question in the survey.", { cause: parsed.error });
      const now = deps.now();
      const analysis: Analysis = {
        id: deps.newId(),
        owner: "guest",
        status: "CREATED",
        survey: parsed.data,
        imageKey: null,
        report: null,
        recommendation: null,
        failure: null,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      };
      checks.set(analysis.id, { analysis, photo: null, listeners: new Set(), running: false });
      return analysis;
    },

    get: (id: string): Analysis | null => checks.get(id)?.analysis ?? null,

    async upload(id: string, image: Blob, onProgress?: (p: UploadProgress) => void): Promise<Analysis> {
      const check = find(id);
      if (check.analysis.status !== "CREATED" && check.analysis.status !== "FAILED")
        throw new BackendError("CONFLICT", "This analysis is already running or finished.");
      const path = guestPhotoPath(await deps.guestIdentityId(), id);
      await deps.upload(path, image, onProgress);
      check.photo = image;
      const base =
        check.analysis.status === "FAILED"
          ? transition(check.analysis, "CREATED", check.analysis.updatedAt)
          : check.analysis;
      update(check, transition(base, "UPLOADED", deps.now(), { imageKey: path, report: null, recommendation: null }));
      return check.analysis;
    },

    /** Runs the whole check in one request; listeners see ANALYZING, then the finished result. */
    async start(id: string): Promise<Analysis> {
      const check = find(id);
      const { analysis } = check;
      if (check.running) throw new BackendError("CONFLICT", "This analysis is already running.");
      if (analysis.status === "FAILED" && !analysis.failure?.retryable)
        throw new BackendError("CONFLICT", "Please take a new photo.");
      if (analysis.status !== "UPLOADED" && analysis.status !== "FAILED")
        throw new BackendError(
          "CONFLICT",
          analysis.status === "CREATED" ? "Upload a photo first." : "Already started.",
        );
      if (!check.photo) throw new BackendError("CONFLICT", "Upload a photo first.");
      check.running = true;
      try {
        // The function deletes the photo after every run, so a retry sends it again.
        const imageKey = guestPhotoPath(await deps.guestIdentityId(), id);
        if (analysis.status === "FAILED") await deps.upload(imageKey, check.photo);
        const uploaded = analysis.status === "FAILED" ? transition(analysis, "UPLOADED", deps.now()) : analysis;
        update(check, transition(uploaded, "ANALYZING", deps.now(), { imageKey }));
        let answer;
        try {
          answer = await callRunGuestCheck(deps, { checkId: id, imageKey, survey: JSON.stringify(analysis.survey) });
          if (!answer.ok) throw refusal(answer);
        } catch (error) {
          // Not run: back to the uploaded photo, so a retry can send it again.
          update(check, uploaded);
          throw error;
        }
        update(check, { ...answer.analysis, id, owner: "guest", imageKey: null });
        return check.analysis;
      } finally {
        check.running = false;
      }
    },

    observe(id: string, onChange: (a: Analysis) => void, onError?: (e: BackendError) => void): Unsubscribe {
      let closed = false;
      const check = checks.get(id);
      const listener = (analysis: Analysis) => {
        if (!closed) onChange(analysis);
      };
      queueMicrotask(() => {
        if (closed) return;
        if (!check) onError?.(new BackendError("NOT_FOUND", "This analysis does not exist."));
        else listener(check.analysis);
      });
      check?.listeners.add(listener);
      return () => {
        closed = true;
        check?.listeners.delete(listener);
      };
    },

    photoUrl(id: string): string | null {
      const photo = checks.get(id)?.photo;
      return photo ? deps.photoUrl(photo) : null;
    },

    remove(id: string): void {
      checks.delete(id);
    },

    /** The result is on screen: the tab's copy is dropped, and the guest gets it back to keep. */
    finish(id: string): GuestResult {
      const check = find(id);
      if (check.analysis.status !== "COMPLETE") throw new BackendError("CONFLICT", "This check has not finished yet.");
      checks.delete(id);
      // One check per beginGuestCheck: whatever this tab does next (sign up, another check) starts afresh.
      active = false;
      return { claim: JSON.stringify({ v: 1, analysis: { ...check.analysis, imageKey: null } }) };
    },
  };
}

export type GuestChecks = ReturnType<typeof createGuestChecks>;

/** The finished guest result a claim carries, for the signed-in user's own new record. */
export function openGuestClaim(claim: string): Analysis {
  let parsed: unknown;
  try {
    parsed = JSON.parse(claim);
  } catch (error) {
    throw invalidClaim(error);
  }
  const result = claimSchema.safeParse(parsed);
  if (!result.success || result.data.analysis.status !== "COMPLETE") throw invalidClaim(result.error);
  return result.data.analysis;
}

const invalidClaim = (cause: unknown) =>
  new BackendError(
    "INVALID_INPUT",
    "That guest result can no longer be kept. Please run a new check from your account.",
    {
      cause,
    },
  );

async function callRunGuestCheck(deps: GuestCheckDeps, input: Parameters<GuestCheckDeps["runGuestCheck"]>[0]) {
  const raw = await deps.runGuestCheck(input);
  let answer;
  try {
    answer = answerSchema.safeParse(parseJsonField(raw));
  } catch (error) {
    throw new BackendError("INTERNAL", "Something went wrong. Please try again.", { cause: error });
  }
  if (!answer.success)
    throw new BackendError("INTERNAL", "Something went wrong. Please try again.", { cause: answer.error });
  return answer.data;
}

function refusal(answer: Exclude<z.infer<typeof answerSchema>, { ok: true }>): BackendError {
  switch (answer.code) {
    case "RATE_LIMITED": {
      const minutes = Math.max(1, Math.ceil(answer.retryAfterSeconds / 60));
      return new BackendError(
        "RATE_LIMITED",
        `Too many guest checks from this network. Please try again in ${minutes} minutes, or create a free account.`,
      );
    }
    case "INVALID_INPUT":
      return new BackendError("INVALID_INPUT", "Please answer every question in the survey.");
    case "FORBIDDEN":
      return new BackendError("UNAUTHENTICATED", "Your guest session has ended. Please start a new check.");
  }
}
