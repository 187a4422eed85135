export { createLocalBackend, type LocalBackendOptions } from "./local-backend";
export type { EventSourceLike } from "./observe-analysis";
