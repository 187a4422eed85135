import type { Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFunctionTemplatePair } from "../synth-helpers";
import { renderVtl, type Caller, type RenderInput } from "../testing/render-vtl";
import { synthesizeBackend } from "../testing/synth-backend";

/**
 * Executes the synthesized AppSync resolvers for Analysis offline: the VTL that Amplify generated
 * from amplify/data/resource.ts, rendered by the AppSync simulator's Velocity engine with
 * hand-built identities. A rule that changes in the schema changes what these renders return.
 */
let analysis: { stack: Stack; template: Template };
let cleanup = () => {};
beforeAll(async () => {
  const synth = await synthesizeBackend();
  analysis = { stack: synth.nested.analysis, template: synth.templates.analysis };
  cleanup = synth.cleanup;
}, 180_000);
afterAll(() => cleanup());

const ALICE: Caller = { kind: "userPool", sub: "alice-sub" };
const MALLORY: Caller = { kind: "userPool", sub: "mallory-sub" };
const FUNCTION_ROLE: Caller = { kind: "iam" };
const BROWSER_IAM: Caller = {
  kind: "iam",
  cognitoIdentityPoolId: "ap-southeast-1:pool",
  cognitoIdentityId: "ap-southeast-1:someone",
};
const STORED = {
  id: "a1",
  owner: "alice-sub",
  status: "UPLOADED",
  survey: "{}",
  createdAt: "2026-01-01T00:00:00.000Z",
};

function run(functionName: string, caller: Caller, input: RenderInput, part: "request" | "response" = "request") {
  const pair = readFunctionTemplatePair(analysis.stack, analysis.template, functionName);
  const vtl = part === "request" ? pair.request : pair.response;
  if (vtl === null) throw new Error(`${functionName} has no ${part} template`);
  return renderVtl(vtl, caller, input);
}
const unauthorized = (errors: { errorType: string | null }[]) => errors.some((e) => e.errorType === "Unauthorized");

describe("createAnalysis", () => {
  const create = (caller: Caller, input: Record<string, unknown>) =>
    run("MutationcreateAnalysisauth0Function", caller, {
      typeName: "Mutation",
      fieldName: "createAnalysis",
      args: { input },
    });

  it("takes the owner from the caller's token", () => {
    const out = create(ALICE, { status: "CREATED", survey: "{}" });
    expect(out.errors).toEqual([]);
    expect(out.args).toMatchObject({ input: { owner: "alice-sub" } });
  });

  it("refuses a record created in someone else's name", () => {
    expect(unauthorized(create(MALLORY, { status: "CREATED", survey: "{}", owner: "alice-sub" }).errors)).toBe(true);
  });

  it("refuses a client-chosen id (so the browser adapter must not send one)", () => {
    const out = create(ALICE, { id: "chosen", status: "CREATED", survey: "{}" });
    expect(out.errors).toEqual([
      { errorType: "Unauthorized", message: expect.stringMatching(/^Unauthorized on \[id\]/) },
    ]);
  });
});

describe("getAnalysis", () => {
  /** The auth step stashes a filter; the data step's Query carries it to DynamoDB; the response refuses a filtered-out item. */
  function get(caller: Caller) {
    const auth = run("QuerygetAnalysisauth0Function", caller, {
      typeName: "Query",
      fieldName: "getAnalysis",
      args: { id: "a1" },
    });
    const request = run("QueryGetAnalysisDataResolverFn", caller, {
      typeName: "Query",
      fieldName: "getAnalysis",
      args: { id: "a1" },
      stash: auth.stash,
    });
    const filter = (request.result as { filter?: DynamoFilter }).filter;
    if (!filter) throw new Error("getAnalysis sent no owner filter to DynamoDB");
    const items = matchesFilter(filter, STORED) ? [STORED] : [];
    return run(
      "QueryGetAnalysisDataResolverFn",
      caller,
      {
        typeName: "Query",
        fieldName: "getAnalysis",
        args: { id: "a1" },
        stash: auth.stash,
        result: { items, scannedCount: 1 },
      },
      "response",
    );
  }

  it("returns the record to its owner", () => {
    const out = get(ALICE);
    expect(out.errors).toEqual([]);
    expect(out.result).toMatchObject({ id: "a1", owner: "alice-sub" });
  });

  it("refuses another user", () => {
    const out = get(MALLORY);
    expect(unauthorized(out.errors)).toBe(true);
    expect(out.result).toBeNull();
  });
});

describe("updateAnalysis", () => {
  /** The auth function's response runs after its GetItem, with the stored item as $ctx.result. */
  const update = (caller: Caller, input: Record<string, unknown>) =>
    run(
      "MutationupdateAnalysisauth0Function",
      caller,
      { typeName: "Mutation", fieldName: "updateAnalysis", args: { input }, result: STORED },
      "response",
    );

  it("lets the owner change the status", () => {
    // The browser adapter's save (toUpdateInput) always sends modelWaking, null outside a cold start.
    expect(
      update(ALICE, { id: "a1", status: "UPLOADED", imageKey: "selfies/x/a1.jpg", modelWaking: null }).errors,
    ).toEqual([]);
  });

  it("refuses another user", () => {
    expect(unauthorized(update(MALLORY, { id: "a1", status: "COMPLETE" }).errors)).toBe(true);
  });

  it.each([
    ["to another user", "mallory-sub"],
    ["to nobody", null],
  ])("refuses the owner moving the record %s", (_, owner) => {
    const out = update(ALICE, { id: "a1", status: "UPLOADED", owner });
    expect(out.errors).toEqual([
      { errorType: "Unauthorized", message: expect.stringMatching(/^Unauthorized on \[owner\]/) },
    ]);
  });

  it("allows the analyze-skin function's IAM role to save every status field", () => {
    const out = update(FUNCTION_ROLE, {
      id: "a1",
      status: "ANALYZING",
      modelWaking: true,
      report: "{}",
      recommendation: "{}",
      failure: null,
      completedAt: "x",
    });
    expect(out.errors).toEqual([]);
  });

  it("refuses browser (identity-pool) IAM credentials", () => {
    expect(unauthorized(update(BROWSER_IAM, { id: "a1", status: "COMPLETE" }).errors)).toBe(true);
  });
});

describe("deleteAnalysis", () => {
  const remove = (caller: Caller) =>
    run(
      "MutationdeleteAnalysisauth0Function",
      caller,
      { typeName: "Mutation", fieldName: "deleteAnalysis", args: { input: { id: "a1" } }, result: STORED },
      "response",
    );

  it("lets the owner delete", () => expect(remove(ALICE).errors).toEqual([]));
  it("refuses another user", () => expect(unauthorized(remove(MALLORY).errors)).toBe(true));
});

describe("onUpdateAnalysis", () => {
  function subscribe(caller: Caller, args: Record<string, unknown> = {}) {
    const auth = run("SubscriptiononUpdateAnalysisauth0Function", caller, {
      typeName: "Subscription",
      fieldName: "onUpdateAnalysis",
      args,
    });
    if (auth.errors.length > 0) return { errors: auth.errors, filter: undefined };
    const data = run(
      "SubscriptionOnUpdateAnalysisDataResolverFn",
      caller,
      { typeName: "Subscription", fieldName: "onUpdateAnalysis", args: auth.args, stash: auth.stash },
      "response",
    );
    return { errors: data.errors, filter: data.subscriptionFilter };
  }

  it("filters the events to records the subscriber owns", () => {
    const out = subscribe(ALICE);
    expect(out.errors).toEqual([]);
    expect(out.filter).toEqual({ or: [{ owner: { eq: "alice-sub" } }] });
  });

  it("refuses a subscription to someone else's owner argument", () => {
    expect(unauthorized(subscribe(MALLORY, { owner: "alice-sub" }).errors)).toBe(true);
  });
});

/** The filter the simulator's $util.transform.toDynamoDBFilterExpression writes for `{ or: [{ owner: { eq } }] }`. */
interface DynamoFilter {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, { S?: string }>;
}

/** Evaluates the equality-only filters the owner rule produces; anything else fails the test loudly. */
function matchesFilter(filter: DynamoFilter, item: Record<string, unknown>): boolean {
  const clauses = filter.expression.replace(/[()]/g, "").split(/\s+or\s+/i);
  return clauses.some((clause) => {
    const m = /^\s*(#\S+)\s*=\s*(:\S+)\s*$/.exec(clause);
    if (!m?.[1] || !m[2]) throw new Error(`Unexpected filter clause: ${clause}`);
    const name = filter.expressionNames[m[1]];
    const value = filter.expressionValues[m[2]]?.S;
    if (!name || value === undefined) throw new Error(`Unresolved filter clause: ${clause}`);
    return item[name] === value;
  });
}
