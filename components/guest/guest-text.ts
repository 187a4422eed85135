/**
 * The guest check's words, in one place so they move to the i18n message files (guest.json) as one piece.
 */
export const GUEST_TEXT = {
  title: "A guest check",
  intro: "Try one full skin check without an account: the survey, your selfie, your results and three picks.",
  nothingKept:
    "Nothing is kept. Your photo and your results are deleted from Skinsight as soon as you have seen them, and after 24 hours at the latest if you leave before that.",
  signedInNote: "You're signed in, so your check will be kept in your history.",
  signedInAction: "Go to your skin check",
  starting: "Getting your guest check ready…",
  startFailed: "We couldn't start a guest check",
  retry: "Try again",
  analysing: "Analysing your photo",
  resultsTitle: "Your results",
  deletedNotice: "Your photo and these results have now been deleted from Skinsight. Only this page still shows them.",
  keepTitle: "Want to keep this result?",
  keepBody: "Create a free account now and this result moves into your new history (without the photo).",
  keepAction: "Create an account to keep this result",
  anotherCheck: "Run another guest check",
  failedTitle: "Your guest check",
  retake: "Take another photo",
  endedTitle: "This guest check has ended",
  endedMessage: "Nothing of it is kept. You can run a new one, or create an account to keep your checks.",
  keepingTitle: "Saving your result to your history…",
  nothingToKeep: "There is no guest result to keep in this browser tab. It may have been kept already, or it expired.",
  goToHistory: "Go to your history",
  entryLink: "Try a guest check without an account",
} as const;

/** sessionStorage key of the signed copy of a shown guest result: it lives only as long as the tab. */
export const GUEST_CLAIM_KEY = "skinsight.guest-claim";
