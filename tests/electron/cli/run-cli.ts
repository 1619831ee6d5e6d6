// Runs the real command line (node electron/cli/bin.mjs) as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const binPath = join(repoRoot, 'electron', 'cli', 'bin.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; input?: string } = {}): Promise<CliRun> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: opts.cwd ?? repoRoot, env: { ...process.env, NIANBAO_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
}

/** A failure as the CLI must print it: one line, Chinese then English, no stack trace. */
export function expectOneLineError(run: CliRun): string {
  const line = run.stderr.trimEnd();
  if (line.includes('\n')) throw new Error(`more than one line on stderr:\n${run.stderr}`);
  if (!/^错误：.+（Error: .+）$/.test(line)) throw new Error(`not a bilingual one-line error: ${line}`);
  if (/\bat .+:\d+:\d+/.test(run.stderr)) throw new Error(`stack trace on stderr: ${run.stderr}`);
  return line;
}
