import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Stage, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";

/** Test helpers for reading synthesized Amplify stacks (kept out of *.test.ts so both test files can share them). */

export interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export function resourcesOf(template: Template): Resources {
  return (template.toJSON() as { Resources?: Resources }).Resources ?? {};
}

export function policyStatements(template: Template): PolicyStatementJson[] {
  return Object.values(resourcesOf(template))
    .filter((r) => r.Type === "AWS::IAM::Policy")
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
}

export const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/**
 * AppSync resolver code is stored as S3 assets; after synthesis they sit in the cloud assembly
 * as asset.<hash>.vtl. Returns the named AppSync function's request and response templates.
 */
export function readFunctionTemplatePair(
  stack: Stack,
  template: Template,
  functionName: string,
): { request: string; response: string | null } {
  const fn = Object.values(resourcesOf(template)).find(
    (r) => r.Type === "AWS::AppSync::FunctionConfiguration" && r.Properties?.Name === functionName,
  );
  if (!fn?.Properties) throw new Error(`No AppSync function named ${functionName}`);
  const outdir = Stage.of(stack)?.outdir;
  if (!outdir) throw new Error("The stack is not in an App");
  const read = (location: unknown) => {
    const hash = /([0-9a-f]{64})\.vtl/.exec(JSON.stringify(location ?? ""))?.[1];
    return hash ? readFileSync(join(outdir, `asset.${hash}.vtl`), "utf8") : null;
  };
  const request = read(fn.Properties.RequestMappingTemplateS3Location);
  if (request === null) throw new Error(`${functionName} has no S3 request template`);
  return { request, response: read(fn.Properties.ResponseMappingTemplateS3Location) };
}

/** The named AppSync function's request and response templates, joined (for text assertions). */
export function readFunctionTemplates(stack: Stack, template: Template, functionName: string): string {
  const { request, response } = readFunctionTemplatePair(stack, template, functionName);
  return response === null ? request : `${request}\n${response}`;
}
