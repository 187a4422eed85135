import { a, defineData, type ClientSchema } from "@aws-amplify/backend";
import { ANALYSIS_STATUSES } from "../../lib/domain/analysis";
import { analyzeSkin } from "../functions/analyze-skin/resource";
import { runGuestCheck } from "../functions/run-guest-check/resource";

const schema = a
  .schema({
    AnalysisStatus: a.enum([...ANALYSIS_STATUSES]),

    AnalysisFailure: a.customType({
      code: a.string().required(),
      message: a.string().required(),
      retryable: a.boolean().required(),
      /** QualityIssue[] for QUALITY failures. */
      issues: a.json(),
    }),

    Analysis: a
      .model({
        // Declared so the secondary index can use it; the owner rule fills it with the caller's sub.
        // Read and delete only: without a field rule an owner may update `owner` and push a record
        // into someone else's history and live updates (synthesis warns "owners may reassign ownership").
        owner: a.string().authorization((allow) => [allow.owner().identityClaim("sub").to(["read", "delete"])]),
        status: a.ref("AnalysisStatus").required(),
        // The JSON fields hold domain objects; analysis-record.ts validates them with zod.
        survey: a.json().required(),
        imageKey: a.string(),
        report: a.json(),
        recommendation: a.json(),
        failure: a.ref("AnalysisFailure"),
        // True while the function retries a cold model endpoint (the page shows "Waking up the analyser…").
        modelWaking: a.boolean(),
        // Declared so it can be the sort key; AppSync still sets it on create.
        createdAt: a.datetime(),
        completedAt: a.datetime(),
      })
      .secondaryIndexes((index) => [index("owner").sortKeys(["createdAt"]).queryField("listAnalysesByOwner")])
      // "sub" rather than the default "sub::username", so clients can query the index by their user id.
      .authorization((allow) => [allow.owner().identityClaim("sub")]),

    // Async: AppSync cuts a request at 30 s, and a cold model can take longer. Progress arrives
    // through onUpdate subscriptions, because the function saves every status change.
    startAnalysis: a
      .mutation()
      .arguments({ analysisId: a.id().required() })
      .authorization((allow) => [allow.authenticated()])
      .handler(a.handler.function(analyzeSkin).async()),
    // A guest check: identity-pool guests only (IAM, the unauthenticated role), synchronous, and it
    // stores nothing. Guests get no model access at all: allow.guest() on Analysis would let every
    // guest read every guest's records. The function checks that imageKey is in the caller's own
    // guest/<identity id>/ folder, from the signed identity. Returns the finished Analysis (AWSJSON).
    runGuestCheck: a
      .mutation()
      .arguments({ checkId: a.id().required(), imageKey: a.string().required(), survey: a.json().required() })
      .returns(a.json())
      .authorization((allow) => [allow.guest()])
      .handler(a.handler.function(runGuestCheck)),
  })
  .authorization((allow) => [allow.resource(analyzeSkin)]);

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: { defaultAuthorizationMode: "userPool" },
});
