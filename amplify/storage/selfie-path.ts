/**
 * Where selfies live in the bucket: `selfies/<Cognito identity id>/<analysis id>.jpg`. The storage
 * access rule, the 30-day lifecycle rule and the browser adapter's upload path all read it from here.
 * No imports: the browser bundle takes this file, and must not take the backend definition with it.
 */
export const SELFIE_PREFIX = "selfies/";

/** The owner's folder as the storage rule spells it: `{entity_id}` is the caller's identity id. */
export const SELFIE_ACCESS_PATH = `${SELFIE_PREFIX}{entity_id}/*` as const;

export const selfiePath = (identityId: string, analysisId: string) => `${SELFIE_PREFIX}${identityId}/${analysisId}.jpg`;

/** Guest checks (identity-pool guests) upload here; an hourly sweep and a 1-day lifecycle rule clear the prefix. */
export const GUEST_PREFIX = "guest/";
/** The guest's folder as the storage rule spells it: the guest-check function reads and deletes there. */
export const GUEST_ACCESS_PATH = `${GUEST_PREFIX}*` as const;
export const guestPhotoPath = (identityId: string, checkId: string) => `${GUEST_PREFIX}${identityId}/${checkId}.jpg`;
