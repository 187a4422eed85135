// Whether this browser had a signed-in session when last checked. Public pages read it to skip loading the
// backend (zod and the adapter, ~40 KB, plus a session request) for visitors who have never signed in: the
// landing page is most people's first visit. It is a hint, never a grant: protected pages always ask the backend.
const KEY = "skinsight.signed-in";

/** True when a session may exist; also true when storage cannot be read, so the backend is asked. */
export function mightBeSignedIn(storage: Pick<Storage, "getItem"> | null = safeLocalStorage()): boolean {
  if (storage === null) return true;
  try {
    return storage.getItem(KEY) === "1";
  } catch {
    return true;
  }
}

export function rememberSignedIn(
  signedIn: boolean,
  storage: Pick<Storage, "setItem" | "removeItem"> | null = safeLocalStorage(),
): void {
  try {
    if (signedIn) storage?.setItem(KEY, "1");
    else storage?.removeItem(KEY);
  } catch {
    // storage can be blocked (private mode, policy); the hint then stays "ask the backend"
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
