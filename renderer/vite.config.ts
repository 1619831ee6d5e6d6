// Renderer build: root renderer/, output dist/renderer/, relative asset paths (the app loads the page
// from disk or a custom protocol), everything bundled — no CDN, no remote fonts, no eval.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: new URL('../dist/renderer/', import.meta.url).pathname,
    emptyOutDir: true,
    // Chromium of Electron 45 and Debian's chromium: no need for legacy transforms.
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // The shared layer lives outside the root.
  server: { fs: { allow: [new URL('..', import.meta.url).pathname] } },
});
