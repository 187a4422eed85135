/** "Your data" words, in one place so they move to the i18n message files (myData.json) as one piece. */
export const MY_DATA_TEXT = {
  title: "Your data",
  intro: "Take a copy of everything Skinsight keeps about you, or delete your account and all of it.",
  downloadTitle: "Download my data",
  downloadBody:
    "One zip file with every analysis (your survey answers, the skin report and the product picks) as JSON, and the photos that are still kept.",
  downloadAction: "Download my data",
  downloading: "Preparing your file…",
  downloaded: "Your file is ready. Check your downloads.",
  deleteTitle: "Delete my account",
  deleteBody:
    "This deletes your account, every analysis, every photo and your sign-in sessions straight away. It cannot be undone.",
  deleteAction: "Delete my account",
  confirmTitle: "Delete your account?",
  confirmMessage: "Everything goes now: your analyses, photos and account. You will be signed out. This cannot be undone.",
  confirmLabel: "Delete everything",
  deletedTitle: "Your account has been deleted",
  deletedMessage: "Your analyses, photos and sign-in sessions are gone from Skinsight.",
  backHome: "Back to the home page",
  menuLink: "Your data",
} as const;

export const exportFileName = (now: Date) => `skinsight-data-${now.toISOString().slice(0, 10)}.zip`;
