import { defineAuth } from "@aws-amplify/backend";

/**
 * Email sign-in. The password policy itself lives on the user pool (see custom/customise-backend.ts):
 * defineAuth does not expose it, and Cognito's default (8 chars, all classes) is weaker than NIST's
 * advice to prefer length (SP 800-63B §5.1.1).
 */
export const auth = defineAuth({
  loginWith: { email: true },
});
