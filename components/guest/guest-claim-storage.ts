/** sessionStorage key of the signed copy of a shown guest result: it lives only as long as the tab. */
const GUEST_CLAIM_KEY = "skinsight.guest-claim";

// sessionStorage can throw (private mode, storage full); keeping the result is then simply not offered.
export function saveGuestClaim(claim: string): boolean {
  try {
    sessionStorage.setItem(GUEST_CLAIM_KEY, claim);
    return true;
  } catch {
    return false;
  }
}

export function loadGuestClaim(): string | null {
  try {
    return sessionStorage.getItem(GUEST_CLAIM_KEY);
  } catch {
    return null;
  }
}

export function clearGuestClaim(): void {
  try {
    sessionStorage.removeItem(GUEST_CLAIM_KEY);
  } catch {
    // Nothing to clear.
  }
}
