// The TypeScript modules below a folder (not declaration files): what the source-tree guards read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function typeScriptSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...typeScriptSources(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}
