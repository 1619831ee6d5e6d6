// Bundles the `nianbao` command line with esbuild, as electron/build.mjs bundles the main process:
// dist/cli/nianbao.mjs plus chunks (the PDF code is its own chunk, loaded by export and import-pdf only,
// so `nianbao check` never loads pdfkit). `npm run build` runs it; electron/cli/bin.mjs runs it when the
// bundle is missing or older than a source it was built from.
//
// Safe while other `nianbao` processes run from the same folder (tests start many at once): every file
// is written to a temporary name and renamed into place, chunks (content-hashed names) before the entry
// that imports them, and chunks of earlier builds are removed only once they are an hour old.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the bundle goes; NIANBAO_CLI_OUTDIR lets a test build one of its own. */
export const CLI_OUTDIR = process.env.NIANBAO_CLI_OUTDIR ?? join(root, 'dist', 'cli');
export const CLI_ENTRY = 'nianbao.mjs';
/** What the bundle was built from, and when: bin.mjs compares it with the sources' modification times. */
export const CLI_BUILD_INFO = 'build-info.json';

/** Packages loaded from node_modules at run time: they read data files next to their own code. */
export const CLI_EXTERNALS = ['pdfkit', 'fontkit', 'pdf-lib', 'pdfjs-dist'];

const STALE_CHUNK_AGE_MS = 60 * 60 * 1000;

function writeInPlace(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

export async function buildCli({ outdir = CLI_OUTDIR, production = process.env.NODE_ENV !== 'development' } = {}) {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({
    entryPoints: { nianbao: 'electron/cli/main.ts' },
    absWorkingDir: root,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    external: CLI_EXTERNALS,
    sourcemap: production ? false : 'inline',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    metafile: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    // CommonJS dependencies bundled into ESM call require() for Node built-ins.
    banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);" },
  });
  const entry = join(outdir, CLI_ENTRY);
  const files = result.outputFiles.filter((f) => f.path !== entry);
  for (const file of files) writeInPlace(file.path, file.contents);
  writeInPlace(entry, result.outputFiles.find((f) => f.path === entry).contents);

  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
  inputs.push(relative(root, fileURLToPath(import.meta.url)), 'package.json');
  writeInPlace(join(outdir, CLI_BUILD_INFO), `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`);

  const current = new Set(files.map((f) => f.path));
  const chunks = join(outdir, 'chunks');
  let names = [];
  try {
    names = readdirSync(chunks);
  } catch {
    // No chunk at all.
  }
  for (const name of names) {
    const path = join(chunks, name);
    if (current.has(path)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_CHUNK_AGE_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return { entry, inputs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { entry } = await buildCli();
  console.log(`cli: ${entry}`);
}
