const PREFIX = "skinsight.start:";

/**
 * The wizard uploads, then hands over to the results page, which starts the analysis only once it
 * is subscribed, so every live stage reaches the screen. A flag in sessionStorage carries that hand-over.
 */
export function markPendingStart(id: string): void {
  try {
    window.sessionStorage.setItem(PREFIX + id, "1");
  } catch {
    // without storage the results page still offers "Start analysis" for an UPLOADED record
  }
}

export function takePendingStart(id: string): boolean {
  try {
    const had = window.sessionStorage.getItem(PREFIX + id) === "1";
    window.sessionStorage.removeItem(PREFIX + id);
    return had;
  } catch {
    return false;
  }
}
