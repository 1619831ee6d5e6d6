// electron/cli/bin.mjs runs the esbuild bundle of the command line, building it when it is missing or
// older than a source it was built from; the bundle loads the PDF code only for the PDF commands.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from './run-cli';

const outdir = mkdtempSync(join(tmpdir(), 'nianbao-cli-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const runBin = (args: string[]) =>
  spawnSync(process.execPath, [binPath, ...args], { cwd: repoRoot, env: { ...process.env, NIANBAO_CLI_OUTDIR: outdir }, encoding: 'utf8', timeout: 60_000 });

const buildInfo = () => JSON.parse(readFileSync(join(outdir, 'build-info.json'), 'utf8')) as { startedAt: number; inputs: string[] };

/** Modules a bundle file imports statically. */
const staticImports = (code: string) => [...code.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]!);

describe.sequential('bin.mjs and the bundle', () => {
  it('builds the bundle when it is missing, then runs it', () => {
    const first = runBin(['--version']);
    expect(first.status, first.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(first.stdout.trim()).toBe(pkg.version);
    // Only the version of package.json goes into the bundle, not its dependency lists.
    expect(readFileSync(join(outdir, 'nianbao.mjs'), 'utf8')).not.toContain('devDependencies');
    const info = buildInfo();
    expect(info.inputs).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'shared/checks/index.ts', 'electron/cli/build-cli.mjs']));
    expect(info.inputs.some((p) => p.includes('node_modules'))).toBe(false);
  });

  it('reuses a fresh bundle and rebuilds one older than its sources', () => {
    const entry = join(outdir, 'nianbao.mjs');
    const built = statSync(entry).mtimeMs;
    expect(runBin(['--version']).status).toBe(0);
    expect(statSync(entry).mtimeMs).toBe(built);

    // As if electron/cli/main.ts had been edited after the build.
    writeFileSync(join(outdir, 'build-info.json'), JSON.stringify({ ...buildInfo(), startedAt: 0 }));
    const again = runBin(['--help']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('用法：nianbao <命令>');
    expect(buildInfo().startedAt).toBeGreaterThan(0);
  });

  it('processes started together on a missing bundle: one builds, the others wait for it', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'nianbao-cli-bundle-'));
    try {
      const start = () =>
        new Promise<{ code: number | null; out: string; err: string }>((done) => {
          const child = spawn(process.execPath, [binPath, '--version'], { cwd: repoRoot, env: { ...process.env, NIANBAO_CLI_OUTDIR: shared } });
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('close', (code) => done({ code, out, err }));
        });
      const runs = await Promise.all([start(), start(), start(), start()]);
      for (const run of runs) {
        expect(run.code, run.err).toBe(0);
        expect(run.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      }
      expect(existsSync(join(shared, '.build.lock'))).toBe(false);
      expect(readdirSync(shared).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('the entry loads only Node built-ins and its own chunks: pdfkit & co. come with the PDF commands', () => {
    // Everything `nianbao check` loads: the entry and the chunks it imports statically, transitively.
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) visit(join(file, '..', spec));
        else if (!spec.startsWith('node:')) bare.add(spec);
      }
    };
    visit(join(outdir, 'nianbao.mjs'));
    expect(seen.size).toBeGreaterThan(1);
    expect([...bare]).toEqual([]);
    // …and the PDF commands do reach pdfkit, through a chunk of their own.
    expect(readFileSync(join(outdir, 'nianbao.mjs'), 'utf8')).toMatch(/import\("\.\/chunks\/pdf-[A-Z0-9]+\.mjs"\)/);
  });
});

describe('the package’s bin', () => {
  it('npx nianbao runs the package’s own bin (package.json "bin"), also from a subfolder, without the network', async () => {
    const version = await new Promise<string>((ok, fail) =>
      execFile('npx', ['--offline', 'nianbao', '--version'], { cwd: join(repoRoot, 'tests') }, (error, stdout) => (error ? fail(error) : ok(stdout))),
    );
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
