// The Content Security Policy of the renderer. main sends it as a response header of every app:// page;
// the renderer's index.html carries the same policy in a <meta http-equiv="Content-Security-Policy"> tag
// (belt and braces: the header alone would do in Electron, the tag also covers the page opened by tests).
//
// - Scripts and styles only from the app's own files: no inline scripts, no eval, no remote code.
//   (Inline `style` attributes set by React through the CSSOM are not affected by style-src.)
// - Images and fonts from the app and from data:/blob: URLs the page makes itself.
// - blob: frames and objects for the PDF preview the renderer builds from bytes it got over IPC.
// - No connections anywhere but the app itself: the app works offline and sends nothing.
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
