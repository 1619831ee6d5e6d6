// The Content Security Policy of the renderer, in one place: main sends it as a response header of every
// app:// page, and the renderer build writes it into index.html's <meta> tag (so the end-to-end tests,
// which serve the page over plain HTTP, run under the very policy the app enforces).
//
// - Scripts and styles only from the app's own files: no inline scripts or styles, no eval, no remote code.
//   (React sets `style` props through the CSSOM, which style-src does not govern.)
// - Images and fonts from the app and from data:/blob: URLs the page makes itself.
// - blob: frames for the PDF preview the renderer builds from bytes it got over IPC.
// - No connections anywhere but the app itself: the app works offline and sends nothing.
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "media-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The same policy for a <meta> tag, less frame-ancestors, which browsers ignore (with a warning) there. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
