export { createLocalBackend, type EventSourceLike, type LocalBackendOptions } from "./local-backend";
