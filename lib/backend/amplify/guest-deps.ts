import { fetchAuthSession } from "aws-amplify/auth";
import type { generateClient } from "aws-amplify/data";
import { uploadData } from "aws-amplify/storage";
import { BackendError } from "../port";
import type { GuestCheckDeps } from "./guest-checks";
import { graphQlError, toBackendError } from "./to-backend-error";
import type { Schema } from "../../../amplify/data/resource";

/**
 * Written out rather than taken from the client's model introspection, so the guest path needs only
 * the data endpoint from amplify_outputs.json. Its shape is the schema's runGuestCheck mutation.
 */
const RUN_GUEST_CHECK = /* GraphQL */ `
  mutation RunGuestCheck($checkId: ID!, $imageKey: String!, $survey: AWSJSON!) {
    runGuestCheck(checkId: $checkId, imageKey: $imageKey, survey: $survey)
  }
`;

type DataClient = ReturnType<typeof generateClient<Schema>>;
type GraphQlAnswer = { data?: { runGuestCheck?: unknown } | null; errors?: { errorType?: string; message?: string }[] };

/** The guest flow's calls to Cognito (guest identity), S3 (guest/ upload) and AppSync (identity-pool auth). */
export function amplifyGuestDeps(client: DataClient): GuestCheckDeps {
  return {
    async guestIdentityId() {
      let identityId: string | undefined;
      try {
        ({ identityId } = await fetchAuthSession());
      } catch (error) {
        throw toBackendError(error);
      }
      if (!identityId) {
        // The identity pool does not hand out guest identities (unauthenticated access turned off).
        throw new BackendError(
          "UNAVAILABLE",
          "Guest checks are not available on this server. Please create a free account.",
        );
      }
      return identityId;
    },
    async upload(path, image, onProgress) {
      try {
        await uploadData({
          path,
          data: image,
          options: {
            contentType: image.type,
            onProgress: ({ transferredBytes, totalBytes }) =>
              onProgress?.({ loaded: transferredBytes, total: totalBytes ?? image.size }),
          },
        }).result;
      } catch (error) {
        throw toBackendError(error, "The upload failed. Please try again.");
      }
    },
    async runGuestCheck(variables) {
      let answer: GraphQlAnswer;
      try {
        answer = (await client.graphql({
          query: RUN_GUEST_CHECK,
          variables,
          authMode: "identityPool",
        })) as GraphQlAnswer;
      } catch (error) {
        // The client throws the GraphQL response itself when it carries errors.
        const errors = (error as GraphQlAnswer | null)?.errors;
        if (Array.isArray(errors) && errors.length > 0) throw graphQlError(errors, "Could not run the check.");
        throw toBackendError(error);
      }
      if (answer.errors && answer.errors.length > 0) throw graphQlError(answer.errors, "Could not run the check.");
      return answer.data?.runGuestCheck ?? null;
    },
    newId: () => crypto.randomUUID(),
    now: () => new Date().toISOString(),
    photoUrl: (image) => URL.createObjectURL(image),
  };
}
