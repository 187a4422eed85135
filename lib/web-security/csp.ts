export interface CspOptions {
  /** Fresh per request; Next reads it back from the request's CSP header and stamps its own scripts. */
  nonce: string;
  /** Amplify mode talks to Cognito, S3 and AppSync straight from the browser. */
  cloud: boolean;
  /** `next dev` evaluates modules with eval() and talks to its HMR socket. */
  dev: boolean;
  https: boolean;
}

// Cognito (cognito-idp/cognito-identity), S3 presigned URLs, AppSync HTTPS and its realtime wss://.
const AMPLIFY_SOURCES = ["https://*.amazonaws.com", "wss://*.amazonaws.com"];

/**
 * A nonce-based policy, as Next's CSP guide prescribes: Next streams inline hydration scripts, so
 * plain 'self' would block them and 'unsafe-inline' would defeat the point. 'strict-dynamic' lets
 * the nonced bootstrap load its chunks. Styles keep 'unsafe-inline': server-rendered `style`
 * attributes (Amplify UI, React) cannot carry a nonce.
 */
export function buildCsp({ nonce, cloud, dev, https }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    // blob: and data: for the camera snapshot and the upload preview; S3 presigned URLs in the cloud.
    "img-src": ["'self'", "blob:", "data:", ...(cloud ? ["https://*.amazonaws.com"] : [])],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(cloud ? AMPLIFY_SOURCES : []), ...(dev ? ["ws:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** A 128-bit nonce, base64 as CSP's nonce-source grammar expects. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
