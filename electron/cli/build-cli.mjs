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

/** Packages loaded from node_modules at run time: they read data files next to their own code. pdfkit and
 *  fontkit are bundled (so the lazy-imports plugin below can reach into them); pdfkit's data files are
 *  still read from node_modules (see pdfkitDataFiles). */
export const CLI_EXTERNALS = ['pdf-lib', 'pdfjs-dist'];

/**
 * Modules that pdfkit and fontkit import but a PDF export never calls, and whose import is costly:
 * brotli/decompress holds a 1.3 MB dictionary, inflated at import (for WOFF2 fonts; ours are TTF),
 * unicode-properties inflates its character trie (for shaping; fonts.ts lays out without it) and
 * @noble/ciphers/aes builds its tables (for encrypted PDFs). Each is replaced by a module with the same
 * exports that loads the real one on its first call, so nothing changes but when the cost is paid:
 * a bundled module runs when first required; brotli stays in node_modules (external), so its
 * dictionary is not even parsed with the chunk.
 */
const LAZY_MODULES = {
  'brotli/decompress.js': { real: 'brotli/decompress.js', external: true, defaultCall: true, names: [] },
  'unicode-properties': {
    real: 'unicode-properties',
    names: ['getCategory', 'getCombiningClass', 'getScript', 'getEastAsianWidth', 'getNumericValue', 'isAlphabetic', 'isDigit', 'isPunctuation', 'isLowerCase', 'isUpperCase', 'isTitleCase', 'isWhiteSpace', 'isBaseForm', 'isMark'],
    defaultObject: true,
  },
  '@noble/ciphers/aes': { real: '@noble/ciphers/aes', names: ['cbc', 'ecb'] },
};

const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^(brotli\/decompress\.js|unicode-properties|@noble\/ciphers\/aes)$/ }, (args) => {
      if (args.namespace !== 'lazy') return { path: args.path, namespace: 'lazy' };
      return LAZY_MODULES[args.path]?.external ? { path: args.path, external: true } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const { real, defaultCall, defaultObject, names } = LAZY_MODULES[args.path];
      const lines = [`let real;`, `const load = () => (real ??= require(${JSON.stringify(real)}));`];
      if (defaultCall) lines.push(`export default (...args) => load()(...args);`);
      for (const name of names) lines.push(`export const ${name} = (...args) => load().${name}(...args);`);
      if (defaultObject) lines.push(`export default { ${names.join(', ')} };`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

/**
 * fontkit inflates three character tries at import, for its Arabic, Indic and Universal shapers, which
 * never run (fonts.ts lays out without shaping). Each becomes an object whose get() builds the real trie
 * on its first call (get is the only use fontkit makes of them).
 */
const FONTKIT_TRIE = /^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm;
const lazyFontkitTries = {
  name: 'lazy-fontkit-tries',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const found = source.match(FONTKIT_TRIE)?.length ?? 0;
      if (found !== 3) throw new Error(`fontkit's module.mjs builds ${found} tries at import, 3 expected: check lazyFontkitTries in build-cli.mjs`);
      return {
        contents: source.replace(FONTKIT_TRIE, (_, name, make) => `let ${name}$real;\nconst ${name} = { get: (codePoint) => (${name}$real ??= ${make}).get(codePoint) };`),
        loader: 'js',
      };
    });
  },
};

/**
 * pdfkit finds its data files (the sRGB profile of PDF/A, the standard fonts through its package
 * "imports") from its own module URL: bundled, that URL is the chunk's, so it is replaced by where Node
 * resolves pdfkit from the chunk, which is where it was loaded from when it was external.
 */
const pdfkitDataFiles = {
  name: 'pdfkit-data-files',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const uses = source.split('import.meta.url').length - 1;
      if (uses !== 2) throw new Error(`pdfkit.node.mjs uses import.meta.url ${uses} times, 2 expected: check pdfkitDataFiles in build-cli.mjs`);
      return { contents: `const __pdfkitUrl = import.meta.resolve('pdfkit');\n${source.replaceAll('import.meta.url', '__pdfkitUrl')}`, loader: 'js' };
    });
  },
};

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
    plugins: [lazyImports, lazyFontkitTries, pdfkitDataFiles],
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

  // Files of the project only: not node_modules, nor the modules lazyImports makes (namespace "lazy:").
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/') && !p.startsWith('lazy:'));
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
