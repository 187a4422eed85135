import { generateClient } from "aws-amplify/data";
import { getUrl, remove, uploadData } from "aws-amplify/storage";
import { InvalidTransitionError, transition, type Analysis } from "../../domain/analysis";
import { surveySchema } from "../../domain/survey";
import { BackendError, type BackendPort, type Page } from "../port";
import {
  confirmPassword,
  getCurrentUser,
  requireIdentityId,
  requireUser,
  signIn,
  signOut,
  signUp,
} from "./amplify-auth";
import { configureAmplify, type AmplifyOutputs } from "./configure";
import { createGuestChecks, openGuestClaim } from "./guest-checks";
import { amplifyGuestDeps } from "./guest-deps";
import { deleteAccount, exportMyData } from "./my-data";
import { graphQlError, toBackendError } from "./to-backend-error";
import { toAnalysis, toCreateInput, toKeptCreateInput, toUpdateInput } from "../../../amplify/data/analysis-record";
import type { Schema } from "../../../amplify/data/resource";
import { selfiePath } from "../../../amplify/storage/selfie-path";

/** The function's owner check reads this metadata on the uploaded selfie. */
const OWNER_METADATA_KEY = "owner-sub";
const SUPPORTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
/** Phone photos are 2–6 MB; the capture step downsizes, so this only stops mistakes. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const PAGE_SIZE = 20;
const IMAGE_URL_SECONDS = 15 * 60;

type Result<T> = { data: T; errors?: readonly { errorType?: string; message?: string }[] };

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.errors && result.errors.length > 0) throw graphQlError(result.errors, `Could not ${what}.`);
  return result.data;
}

/** BackendPort on Amplify Gen 2: Cognito, AppSync (models + subscriptions) and S3. */
export function createAmplifyBackend(outputs: AmplifyOutputs): BackendPort {
  configureAmplify(outputs);
  const client = generateClient<Schema>();
  const models = client.models.Analysis;
  // A guest check lives in this page until its result is shown (guest-checks.ts); ids route to it.
  const guest = createGuestChecks(amplifyGuestDeps(client));
  const endingGuest =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) => {
      guest.end();
      return fn(...args);
    };

  const getAnalysis = async (id: string): Promise<Analysis | null> => {
    if (guest.has(id)) return guest.get(id);
    try {
      const record = unwrap(await models.get({ id }), "load the analysis");
      return record ? toAnalysis(record) : null;
    } catch (error) {
      throw toBackendError(error);
    }
  };
  const requireAnalysis = async (id: string): Promise<Analysis> => {
    const analysis = await getAnalysis(id);
    if (!analysis) throw new BackendError("NOT_FOUND", "This analysis does not exist.");
    return analysis;
  };
  const save = async (analysis: Analysis): Promise<Analysis> => {
    const record = unwrap(await models.update(toUpdateInput(analysis)), "save the analysis");
    if (!record) throw new BackendError("NOT_FOUND", "This analysis does not exist.");
    return toAnalysis(record);
  };

  const port: BackendPort = {
    mode: "amplify",
    getCurrentUser,
    signUp: endingGuest(signUp),
    signIn: endingGuest(signIn),
    signOut: endingGuest(signOut),
    getAnalysis,

    async createAnalysis(survey) {
      // The Authenticator signs in without the port, so a guest check counts only while nobody is signed in.
      if (guest.active && !(await getCurrentUser())) return guest.create(survey);
      const parsed = surveySchema.safeParse(survey);
      if (!parsed.success)
        throw new BackendError("INVALID_INPUT", "Please answer every question in the survey.", { cause: parsed.error });
      try {
        const record = unwrap(await models.create(toCreateInput(parsed.data)), "create the analysis");
        if (!record) throw new BackendError("INTERNAL", "Could not create the analysis.");
        return toAnalysis(record);
      } catch (error) {
        throw toBackendError(error);
      }
    },

    async uploadSelfie(id, image, onProgress) {
      if (!SUPPORTED_TYPES.has(image.type))
        throw new BackendError("UNSUPPORTED_MEDIA", "Please use a JPEG, PNG or WebP photo.");
      if (image.size > MAX_IMAGE_BYTES) throw new BackendError("TOO_LARGE", "That photo is larger than 10 MB.");
      if (guest.has(id)) return guest.upload(id, image, onProgress);
      const [user, identityId, current] = await Promise.all([requireUser(), requireIdentityId(), requireAnalysis(id)]);
      // A retake after a failure goes FAILED → CREATED → UPLOADED; only the end state is written.
      let next: Analysis;
      try {
        const base = current.status === "FAILED" ? transition(current, "CREATED", current.updatedAt) : current;
        next = transition(base, "UPLOADED", new Date().toISOString(), {
          imageKey: selfiePath(identityId, id),
          report: null,
          recommendation: null,
        });
      } catch (error) {
        if (error instanceof InvalidTransitionError) {
          throw new BackendError("CONFLICT", "This analysis is already running or finished.", { cause: error });
        }
        throw error;
      }
      try {
        const task = uploadData({
          path: selfiePath(identityId, id),
          data: image,
          options: {
            contentType: image.type,
            metadata: { [OWNER_METADATA_KEY]: user.id },
            onProgress: ({ transferredBytes, totalBytes }) =>
              onProgress?.({ loaded: transferredBytes, total: totalBytes ?? image.size }),
          },
        });
        await task.result;
        return await save(next);
      } catch (error) {
        throw toBackendError(error, "The upload failed. Please try again.");
      }
    },

    async startAnalysis(id) {
      if (guest.has(id)) return guest.start(id);
      const current = await requireAnalysis(id);
      if (current.status === "CREATED") throw new BackendError("CONFLICT", "Upload a photo first.");
      try {
        unwrap(await client.mutations.startAnalysis({ analysisId: id }), "start the analysis");
      } catch (error) {
        throw toBackendError(error);
      }
      // The function runs asynchronously; progress arrives through observeAnalysis.
      return current;
    },

    observeAnalysis(id, onChange, onError) {
      if (guest.has(id)) return guest.observe(id, onChange, onError);
      let closed = false;
      let lastSeen = "";
      // Out-of-order delivery (the initial get racing the first event) must not move the UI back.
      const emit = (analysis: Analysis) => {
        if (closed || analysis.updatedAt < lastSeen) return;
        lastSeen = analysis.updatedAt;
        onChange(analysis);
      };
      const fail = (error: unknown) => {
        if (!closed) onError?.(toBackendError(error, "Live updates stopped. Please reload."));
      };
      // Subscribe before the first read so no update can fall between them.
      const subscription = models.onUpdate({ filter: { id: { eq: id } } }).subscribe({
        next: (record) => {
          try {
            emit(toAnalysis(record));
          } catch (error) {
            fail(error);
          }
        },
        error: fail,
      });
      requireAnalysis(id).then(emit, fail);
      return () => {
        closed = true;
        subscription.unsubscribe();
      };
    },

    async listAnalyses(cursor): Promise<Page<Analysis>> {
      const user = await requireUser();
      try {
        const result = await models.listAnalysesByOwner(
          { owner: user.id },
          { sortDirection: "DESC", limit: PAGE_SIZE, nextToken: cursor ?? undefined },
        );
        const items = unwrap(result, "list your analyses");
        return { items: items.map(toAnalysis), nextCursor: result.nextToken ?? null };
      } catch (error) {
        throw toBackendError(error);
      }
    },

    async deleteAnalysis(id) {
      if (guest.has(id)) return guest.remove(id);
      const analysis = await requireAnalysis(id);
      try {
        // Image first: if the record delete then fails, a retry still knows which image it had.
        if (analysis.imageKey) await remove({ path: analysis.imageKey });
        unwrap(await models.delete({ id }), "delete the analysis");
      } catch (error) {
        throw toBackendError(error);
      }
    },

    async getImageUrl(analysis) {
      if (guest.has(analysis.id)) return guest.photoUrl(analysis.id);
      if (!analysis.imageKey) return null;
      try {
        const { url } = await getUrl({
          path: analysis.imageKey,
          options: { expiresIn: IMAGE_URL_SECONDS, validateObjectExistence: true },
        });
        return url.toString();
      } catch (error) {
        if (error instanceof Error && error.name === "NotFound") return null;
        throw toBackendError(error);
      }
    },

    beginGuestCheck: () => guest.begin(),
    finishGuestCheck: async (id) => guest.finish(id),

    async keepGuestResult(claim) {
      await requireUser();
      guest.end();
      const result = openGuestClaim(claim);
      try {
        const record = unwrap(await models.create(toKeptCreateInput(result)), "keep the result");
        if (!record) throw new BackendError("INTERNAL", "Could not keep the result.");
        return toAnalysis(record);
      } catch (error) {
        throw toBackendError(error);
      }
    },
    exportMyData: () => exportMyData(myDataDeps()),
    deleteAccount: (password) => deleteAccount(myDataDeps(), password),
  };
  const myDataDeps = () => ({
    requireUser,
    confirmPassword,
    listAnalyses: (cursor: string | null) => port.listAnalyses(cursor),
    deleteAnalysis: (id: string) => port.deleteAnalysis(id),
    getImageUrl: (analysis: Analysis) => port.getImageUrl(analysis),
  });
  return port;
}
