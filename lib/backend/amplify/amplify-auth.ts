import {
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser as amplifyGetCurrentUser,
  signIn as amplifySignIn,
  signOut as amplifySignOut,
  signUp as amplifySignUp,
  updatePassword,
} from "aws-amplify/auth";
import { BackendError, type User } from "../port";
import { toBackendError } from "./to-backend-error";

/**
 * Cognito through aws-amplify/auth. In Amplify mode the Authenticator runs Cognito's own flows
 * (including the emailed confirmation code); these exist so the port is complete.
 */

export async function getCurrentUser(): Promise<User | null> {
  try {
    const { userId, signInDetails } = await amplifyGetCurrentUser();
    const email = signInDetails?.loginId ?? (await fetchUserAttributes()).email ?? "";
    return { id: userId, email };
  } catch (error) {
    if (error instanceof Error && error.name === "UserUnAuthenticatedException") return null;
    throw toBackendError(error);
  }
}

export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new BackendError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}

/** The Cognito identity id: the {entity_id} of `selfies/{entity_id}/*` in the storage rules. */
export async function requireIdentityId(): Promise<string> {
  const { identityId } = await fetchAuthSession();
  if (!identityId) throw new BackendError("UNAUTHENTICATED", "Please sign in again.");
  return identityId;
}

export async function signIn(email: string, password: string): Promise<User> {
  try {
    const result = await amplifySignIn({ username: email, password });
    if (!result.isSignedIn) {
      const step = result.nextStep.signInStep;
      throw new BackendError(
        "UNAUTHENTICATED",
        step === "CONFIRM_SIGN_UP" ? "Please confirm your email address first." : "Please finish signing in.",
      );
    }
    return await requireUser();
  } catch (error) {
    throw toBackendError(error);
  }
}

export async function signUp(email: string, password: string): Promise<User> {
  try {
    const result = await amplifySignUp({ username: email, password, options: { userAttributes: { email } } });
    if (result.nextStep.signUpStep !== "DONE") {
      throw new BackendError("INVALID_INPUT", "We emailed you a code. Enter it to confirm your account, then sign in.");
    }
    return await signIn(email, password);
  } catch (error) {
    throw toBackendError(error);
  }
}

export async function signOut(): Promise<void> {
  try {
    await amplifySignOut();
  } catch (error) {
    throw toBackendError(error);
  }
}

/**
 * Re-authenticates the signed-in user with Cognito before something that cannot be undone. aws-amplify
 * cannot sign in again while signed in, so this asks Cognito's ChangePassword to "change" the password to
 * itself: Cognito checks the old one and answers NotAuthorizedException when it is wrong. (A user pool
 * with password history turned on would refuse reusing it; this one has none: custom/customise-backend.ts.)
 */
export async function confirmPassword(password: string): Promise<void> {
  try {
    await updatePassword({ oldPassword: password, newPassword: password });
  } catch (error) {
    const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
    if (name === "NotAuthorizedException" || name === "InvalidPasswordException") {
      throw new BackendError("WRONG_PASSWORD", "That password isn't right. Nothing was deleted.", { cause: error });
    }
    throw toBackendError(error);
  }
}
