export { createAmplifyBackend } from "./amplify-backend";
export { configureAmplify, type AmplifyOutputs } from "./configure";
