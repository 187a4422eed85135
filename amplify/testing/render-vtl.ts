import {
  AmplifyAppSyncSimulatorAuthenticationType as AuthMode,
  VelocityTemplate,
  type AmplifyAppSyncSimulator,
  type AppSyncGraphQLExecutionContext,
} from "@aws-amplify/amplify-appsync-simulator";
import type { GraphQLResolveInfo } from "graphql";

/**
 * Renders one synthesized AppSync VTL template offline with the Amplify simulator's Velocity
 * engine, against a hand-built $ctx. The simulator does not implement $extensions or
 * $util.transform.toSubscriptionFilter, so both are stubbed and the filter handed to
 * setSubscriptionFilter is captured for the test to assert on.
 */

export type Caller =
  | { kind: "userPool"; sub: string }
  /** IAM: the function's role has no identity-pool fields; browser (identity-pool) credentials do. */
  | { kind: "iam"; cognitoIdentityPoolId?: string; cognitoIdentityId?: string; userArn?: string };

export interface RenderInput {
  typeName: string;
  fieldName: string;
  args?: Record<string, unknown>;
  stash?: Record<string, unknown>;
  /** $ctx.result, e.g. the stored item a GetItem returned. */
  result?: unknown;
}

export interface Rendered {
  result: unknown;
  stash: Record<string, unknown>;
  args: Record<string, unknown>;
  /** The errorType of each $util.error / $util.unauthorized raised ("Unauthorized" for both owner checks). */
  errors: { message: string; errorType: string | null }[];
  subscriptionFilter: unknown;
}

// Only the default auth type is read (it adds defaultAuthStrategy to user-pool identities).
const simulator = {
  appSyncConfig: { defaultAuthenticationType: { authenticationType: AuthMode.AMAZON_COGNITO_USER_POOLS } },
} as unknown as AmplifyAppSyncSimulator;

type RenderContext = { util: { transform: Record<string, unknown> }; [key: string]: unknown };

export function renderVtl(vtl: string, caller: Caller, input: RenderInput): Rendered {
  const template = new VelocityTemplate({ content: vtl }, simulator);
  let subscriptionFilter: unknown = undefined;
  // buildRenderContext is private in the typings; wrapping it is the one place to add the stubs.
  const internals = template as unknown as { buildRenderContext: (...a: unknown[]) => RenderContext };
  const build = internals.buildRenderContext.bind(template);
  internals.buildRenderContext = (...a) => {
    const context = build(...a);
    context.util.transform = { ...context.util.transform, toSubscriptionFilter: (filter: unknown) => toPlain(filter) };
    // Velocity prints a call that returns undefined as its own source text, so return "".
    context.extensions = {
      setSubscriptionFilter: (filter: unknown) => {
        subscriptionFilter = filter;
        return "";
      },
    };
    return context;
  };

  const info = {
    fieldName: input.fieldName,
    fieldNodes: [],
    fragments: {},
    variableValues: {},
    parentType: input.typeName,
    path: { key: input.fieldName, prev: undefined },
  } as unknown as GraphQLResolveInfo;
  const out = template.render(
    { arguments: input.args ?? {}, source: {}, stash: input.stash ?? {}, result: input.result },
    requestContext(caller),
    info,
  );
  const errors = (out.errors as { message: string; errorType?: string | null }[]).map((e) => ({
    message: e.message,
    errorType: e.errorType ?? null,
  }));
  return { result: out.result, stash: out.stash, args: out.args, errors, subscriptionFilter };
}

function requestContext(caller: Caller): AppSyncGraphQLExecutionContext {
  if (caller.kind === "userPool") {
    return {
      headers: {},
      requestAuthorizationMode: AuthMode.AMAZON_COGNITO_USER_POOLS,
      jwt: {
        sub: caller.sub,
        iss: "https://cognito-idp.test/pool",
        "cognito:username": caller.sub,
        aud: "client",
        iat: 0,
        exp: 0,
      },
    };
  }
  return {
    headers: {},
    requestAuthorizationMode: AuthMode.AWS_IAM,
    iamToken: {
      accountId: "123456789012",
      userArn: caller.userArn ?? "arn:aws:sts::123456789012:assumed-role/analyze-skin/fn",
      username: "AROAEXAMPLE:fn",
      cognitoIdentityPoolId: caller.cognitoIdentityPoolId,
      cognitoIdentityId: caller.cognitoIdentityId,
    },
  };
}

/** Velocity maps are Java-like wrappers; JSON round-trips them into plain data. */
function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
