// The renderer's Content Security Policy is defined in shared/security/csp.ts, next to the <meta> variant
// the renderer build writes into index.html; main sends the header form with every app:// response.
export { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
