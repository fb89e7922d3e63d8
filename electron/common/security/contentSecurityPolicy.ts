/**
 * The renderer's Content-Security-Policy, the same on both hosts: Electron (response header + <meta>) and the
 * browser host (response header). Everything comes from the app's own origin — `rtqa://app` or
 * `http://127.0.0.1:PORT` — and nothing from the network: hospital sites have none, and a review tool must not
 * leak data. Why each exception exists:
 * - 'wasm-unsafe-eval': cornerstone3d's image codecs are WebAssembly; no JavaScript eval is allowed.
 * - style 'unsafe-inline': React style props and vtk.js/cornerstone inject inline styles; scripts stay strict.
 * - blob: for workers (cornerstone/vtk spawn workers from blobs) and images (canvas snapshots).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
