import type { AppSyncIdentity } from "aws-lambda";

export interface GuestCaller {
  /** The Cognito identity id: the guest's own folder is guest/<identityId>/. */
  identityId: string;
  /** The client address AppSync saw; the rate limit's key. */
  sourceIp: string | null;
}

/**
 * The caller, as AppSync signed it (IAM through the identity pool's unauthenticated role). Taken from the
 * resolver event's identity, never from an argument: an argument is whatever the browser chose to send.
 */
export function guestCaller(identity: AppSyncIdentity | null | undefined): GuestCaller | null {
  if (!identity || !("cognitoIdentityId" in identity)) return null;
  const { cognitoIdentityId, cognitoIdentityAuthType, sourceIp } = identity;
  if (typeof cognitoIdentityId !== "string" || !/^[\w-]+:[0-9a-f-]{36}$/i.test(cognitoIdentityId)) return null;
  // Only guests: a signed-in person's checks belong in their own history, through startAnalysis.
  if (cognitoIdentityAuthType !== "unauthenticated") return null;
  const ip = Array.isArray(sourceIp) && typeof sourceIp[0] === "string" && sourceIp[0] ? sourceIp[0] : null;
  return { identityId: cognitoIdentityId, sourceIp: ip };
}
