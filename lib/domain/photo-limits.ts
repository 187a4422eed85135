/**
 * The smallest photo the analyzer reads: below this the face is too few pixels for lesion-sized detail
 * (2 mm ≈ 1 px). The analyzer refuses smaller photos, the local cloud's upload too, and the capture step says so
 * before anything is sent.
 */
export const MIN_PHOTO_SHORT_SIDE = 320;
