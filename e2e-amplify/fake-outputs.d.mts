/** The fields of the fake outputs that the e2e's fake AWS needs (the .mjs is shared with the build script). */
export declare const FAKE_OUTPUTS: {
  storage: { bucket_name: string };
  data: { url: string };
  [key: string]: unknown;
};
