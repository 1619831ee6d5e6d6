#!/usr/bin/env node
// Bundles the Electron main process (ESM, dist/electron/main.js) and the preload (CommonJS, as sandboxed
// preloads must be, dist/electron/preload.cjs) with esbuild. `electron` stays external (Electron provides
// it); so do pdfkit, fontkit and pdf-lib, which read data files next to their own code and ship in
// node_modules. The renderer is built separately by Vite into dist/renderer. The `nianbao` command line is
// bundled too (dist/cli, electron/cli/build-cli.mjs); main carries its own copy for `年报助手 --cli`.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCli } from './cli/build-cli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// NIANBAO_ELECTRON_OUTDIR: tests build into a folder of their own.
const outdir = process.env.NIANBAO_ELECTRON_OUTDIR ?? `${root}dist/electron`;
const production = process.env.NODE_ENV !== 'development';

/** Packages loaded from node_modules at run time (listed in package.json dependencies). */
export const MAIN_EXTERNALS = ['electron', 'pdfkit', 'fontkit', 'pdf-lib', 'pdfjs-dist'];

rmSync(outdir, { recursive: true, force: true });

/** Bundled dependencies name Node built-ins bare (exceljs: require("crypto"); fflate: from "module"):
 *  load them as node:… so that a package of the same name in node_modules can never stand in. */
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const nodePrefixPlugin = {
  name: 'node-prefix',
  setup(b) {
    b.onResolve({ filter: /^[a-z_][a-z0-9_/]*$/ }, (args) => (BUILTINS.has(args.path) ? { path: `node:${args.path}`, external: true } : undefined));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22', // Electron 45 runs Node 22
  sourcemap: production ? false : 'inline',
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

await Promise.all([
  build({
    ...common,
    // parse-worker.js: the worker thread that runs imports and exports (electron/node/worker); it shares
    // the chunks of main and loads the same externals.
    entryPoints: { main: 'electron/main/main.ts', 'parse-worker': 'electron/node/worker/parse-worker.ts' },
    outdir,
    format: 'esm',
    // The PDF module is imported on first export: its own chunk, so pdfkit and fontkit load only then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: MAIN_EXTERNALS,
    plugins: [nodePrefixPlugin],
    // CommonJS dependencies bundled into ESM call require() for Node built-ins.
    banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir,
    format: 'cjs',
    platform: 'browser', // a sandboxed preload has no Node built-ins: fail the build if one sneaks in
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
  buildCli({ production }),
]);
console.log(`electron: ${outdir}/main.js, ${outdir}/preload.cjs; cli: dist/cli/nianbao.mjs`);
