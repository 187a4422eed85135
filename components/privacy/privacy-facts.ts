/**
 * What the privacy page promises, read from how this server runs so the page stays true in each mode:
 * local mode deletes photos after PHOTO_RETENTION_DAYS (its job runner enforces it); the cloud bucket's
 * lifecycle rules do it after 30 days (1 day under guest/).
 */
export interface PrivacyFacts {
  mode: "local" | "amplify";
  photoRetentionDays: number;
}

const positiveInt = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function readPrivacyFacts(env: NodeJS.ProcessEnv = process.env): PrivacyFacts {
  const mode = (env.NEXT_PUBLIC_BACKEND_MODE || "local") === "amplify" ? "amplify" : "local";
  return {
    mode,
    // The cloud's rule is fixed in amplify/custom (SELFIE_EXPIRY_DAYS); only local mode reads the variable.
    photoRetentionDays: mode === "local" ? positiveInt(env.PHOTO_RETENTION_DAYS, 30) : 30,
  };
}
