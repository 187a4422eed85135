export declare function resolveBuildConfig(
  env: Record<string, string | undefined>,
  cwd?: string,
): { mode: "local" | "amplify"; outputsJson: string };
