#!/usr/bin/env node
// Entry of the `nianbao` command (`npx nianbao …` in the project, or `node electron/cli/bin.mjs …`): runs
// the bundle dist/cli/nianbao.mjs that electron/cli/build-cli.mjs makes (`npm run build`), building it
// first when it is missing or older than one of its sources. Plain Node, and cheap: a few stat() calls
// before the bundle loads. The installed app carries the same command line (`年报助手 --cli …`).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = process.env.NIANBAO_CLI_OUTDIR ?? join(root, 'dist', 'cli');

// `nianbao check … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** True when the bundle exists and no source it was built from changed since. */
function bundleIsFresh() {
  try {
    const info = JSON.parse(readFileSync(join(outdir, 'build-info.json'), 'utf8'));
    statSync(join(outdir, 'nianbao.mjs'));
    return info.inputs.every((input) => statSync(join(root, input)).mtimeMs <= info.startedAt);
  } catch {
    return false;
  }
}

/** Builds the bundle unless it is fresh. One process builds at a time (a lock file next to the bundle):
 *  the others wait for it and use its bundle (tests start many `nianbao` processes at once). */
async function ensureBundle() {
  if (bundleIsFresh()) return;
  mkdirSync(outdir, { recursive: true });
  const lock = join(outdir, '.build.lock');
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    try {
      // A lock left by a killed build.
      if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { force: true });
    } catch {
      // Released meanwhile.
    }
    await new Promise((done) => setTimeout(done, 100));
    if (bundleIsFresh()) return;
  }
  try {
    if (!bundleIsFresh()) {
      const { buildCli } = await import('./build-cli.mjs');
      await buildCli({ outdir });
    }
  } finally {
    rmSync(lock, { force: true });
  }
}

try {
  await ensureBundle();
} catch (error) {
  process.stderr.write(`错误：无法生成命令行程序（${error.message}）；请先运行 npm install 和 npm run build（Error: cannot build the command line, run npm install and npm run build）\n`);
  process.exit(2);
}
const { main } = await import(pathToFileURL(join(outdir, 'nianbao.mjs')).href);
process.exitCode = await main(process.argv.slice(2), undefined, { fontDir: join(root, 'assets', 'fonts') });
