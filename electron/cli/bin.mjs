#!/usr/bin/env node
// Entry of the `nianbao` command (`npx nianbao …` in the project, or `node electron/cli/bin.mjs …`):
// lets Node load the TypeScript sources through tsx, then runs the dispatcher in main.ts.
// Plain Node only: nothing the CLI loads may import electron.
import { register } from 'tsx/esm/api';

// `nianbao check … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
