#!/usr/bin/env node
// npm run bench: runs every bench/*-bench.ts with `npx tsx`, one after another, and prints their
// output. Exits non-zero when a benchmark fails (e.g. misses its goal).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('-bench.ts'))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync('npx', ['tsx', `bench/${name}`], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`bench/${name} exited with ${result.status ?? result.signal}`);
  }
}
console.log(`\n${benches.length} benchmark(s) run, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
