/**
 * The renderer's Content-Security-Policy, the same in Electron and in the
 * browser bridge: only our own scripts, no remote anything. `connect-src
 * 'self'` lets the browser client reach the bridge's API; blob:/data: are
 * for rendered PDFs and images of documents stored in the case.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
