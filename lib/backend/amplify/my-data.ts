import { deleteUser } from "aws-amplify/auth";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Page, User } from "../port";
import { toBackendError } from "./to-backend-error";
import type { Analysis } from "../../domain/analysis";

/** What "my data" needs from the rest of the Amplify adapter. */
export interface MyDataDeps {
  requireUser(): Promise<User>;
  /** Cognito re-authentication; throws WRONG_PASSWORD for a wrong password. */
  confirmPassword(password: string): Promise<void>;
  listAnalyses(cursor: string | null): Promise<Page<Analysis>>;
  deleteAnalysis(id: string): Promise<void>;
  getImageUrl(analysis: Analysis): Promise<string | null>;
}

async function allAnalyses(deps: MyDataDeps): Promise<Analysis[]> {
  const all: Analysis[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Analysis> = await deps.listAnalyses(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.reverse();
}

/** The same archive as local mode, built in the browser from the owner's own reads (AppSync + S3). */
export async function exportMyData(deps: MyDataDeps, now = new Date()): Promise<Blob> {
  const user = await deps.requireUser();
  const analyses = await allAnalyses(deps);
  const files: Zippable = {
    "account.json": strToU8(JSON.stringify({ id: user.id, email: user.email, exportedAt: now.toISOString() }, null, 2)),
  };
  const width = String(analyses.length).length;
  for (const [index, analysis] of analyses.entries()) {
    files[`analyses/${String(index + 1).padStart(width, "0")}-${analysis.id}.json`] = strToU8(
      JSON.stringify(analysis, null, 2),
    );
    const url = await deps.getImageUrl(analysis);
    if (!url) continue;
    const response = await fetch(url).catch((error: unknown) => {
      throw toBackendError(error, "A photo could not be downloaded. Please try again.");
    });
    if (response.ok) files[`photos/${analysis.id}.jpg`] = [new Uint8Array(await response.arrayBuffer()), { level: 0 }];
  }
  const zip = zipSync(files, { level: 6, mtime: now });
  return new Blob([zip.slice().buffer], { type: "application/zip" });
}

/**
 * After the password is confirmed with Cognito: every analysis and its photo (owner-authorised deletes),
 * then the Cognito user itself, which also signs out. DynamoDB keeps no event log: AppSync's
 * subscriptions are not stored.
 */
export async function deleteAccount(deps: MyDataDeps, password: string): Promise<void> {
  await deps.requireUser();
  await deps.confirmPassword(password);
  for (const analysis of await allAnalyses(deps)) await deps.deleteAnalysis(analysis.id);
  try {
    await deleteUser();
  } catch (error) {
    throw toBackendError(error, "Your data was deleted, but the account could not be. Please try again.");
  }
}
