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

// The mode is spelled out: next.config.mjs compiles NEXT_PUBLIC_BACKEND_MODE in where the code names it
// literally, and `next start` does not put it in process.env, so an Amplify build read as local mode.
const BUILD_ENV = { ...process.env, NEXT_PUBLIC_BACKEND_MODE: process.env.NEXT_PUBLIC_BACKEND_MODE };

export function readPrivacyFacts(env: NodeJS.ProcessEnv = BUILD_ENV): PrivacyFacts {
  const mode = (env.NEXT_PUBLIC_BACKEND_MODE || "local") === "amplify" ? "amplify" : "local";
  return {
    mode,
    // The cloud's rule is fixed in amplify/custom (SELFIE_EXPIRY_DAYS); only local mode reads the variable.
    photoRetentionDays: mode === "local" ? positiveInt(env.PHOTO_RETENTION_DAYS, 30) : 30,
  };
}
