// APP_VERSION is package.json's version, written nowhere else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/model/document';
import { repoRoot } from '../electron/cli/run-cli';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe('APP_VERSION', () => {
  it("is package.json's version", () => {
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('is not written as a literal in the code', () => {
    const literal = new RegExp(`(APP_VERSION|appVersion|version)\\s*[:=]\\s*['"]${pkg.version.replace(/\./g, '\\.')}['"]`);
    for (const dir of ['shared', 'electron', 'renderer']) {
      for (const file of sources(join(repoRoot, dir))) expect(readFileSync(file, 'utf8'), file).not.toMatch(literal);
    }
  });
});
