// Renderer build: root renderer/, output dist/renderer/, relative asset paths (the app loads the page
// from disk or a custom protocol), everything bundled — no CDN, no remote fonts, no eval.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const here = new URL('.', import.meta.url).pathname;

/** Writes the app's one Content Security Policy into the <meta> tag of each page (index.html, print.html). */
const contentSecurityPolicy = (): Plugin => ({
  name: 'nianbao-csp',
  transformIndexHtml: (html) => {
    if (!html.includes('%NIANBAO_CSP%')) throw new Error('a page of the renderer has no %NIANBAO_CSP% placeholder');
    return html.replace('%NIANBAO_CSP%', META_CONTENT_SECURITY_POLICY);
  },
});

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: new URL('../dist/renderer/', import.meta.url).pathname,
    emptyOutDir: true,
    // Chromium of Electron 45 and Debian's chromium: no need for legacy transforms.
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The app's page, and the page 打印 draws the PDF's pages in (a hidden window of the app).
    rollupOptions: { input: { index: `${here}index.html`, print: `${here}print.html` } },
  },
  // The shared layer lives outside the root.
  server: { fs: { allow: [new URL('..', import.meta.url).pathname] } },
});
