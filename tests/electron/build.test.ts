// electron/build.mjs: the preload comes out as one self-contained CommonJS file (sandboxed preloads cannot
// load local modules), main as ESM loading only Node built-ins, electron, its own chunks and the packages
// shipped in node_modules; and the bundled main really starts (with a stand-in electron) and serves the page.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { createWorkerRunner } from '../../electron/node/worker/worker-runner';

const root = fileURLToPath(new URL('../../', import.meta.url));
let out: string;
let electronOut: string;

beforeAll(() => {
  // Inside the repository, so that the bundle finds pdfkit & co. in node_modules like the packaged app does.
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  out = mkdtempSync(join(root, 'node_modules', '.cache', 'nianbao-build-'));
  electronOut = join(out, 'electron');
  const build = spawnSync(process.execPath, [join(root, 'electron', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, NIANBAO_ELECTRON_OUTDIR: electronOut },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  mkdirSync(join(out, 'renderer'));
  writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>年报助手</title>');
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Modules a bundle loads (require() inside string literals, as in ajv's code templates, excluded; so is
 *  an import() whose argument is built at run time, as pdf.js and docx write `import("' + name + '")` or
 *  import(`${url}`) in their code — only a real module name counts). */
const MODULE_NAME = /^[@\w][\w@./:-]*$|^\.{1,2}\//;
const specifiers = (code: string) =>
  [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*"([^"]+)"|(?:^|\n)\s*import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|(?<![`'"])\brequire\(\s*"([^"]+)"\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4]!,
  ).filter((spec) => MODULE_NAME.test(spec));

describe('electron/build.mjs', () => {
  it('bundles the preload as self-contained CommonJS that requires only electron', () => {
    const preload = readFileSync(join(electronOut, 'preload.cjs'), 'utf8');
    expect(specifiers(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("nianbao"');
  });

  it('bundles main as ESM loading only built-ins, electron, its chunks and the shipped PDF packages', () => {
    const files = readdirSync(electronOut, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    expect(files).toContain('main.js');
    expect(files).toContain('parse-worker.js');
    const bare = new Set<string>();
    for (const file of files) {
      for (const spec of specifiers(readFileSync(join(electronOut, file), 'utf8'))) if (!spec.startsWith('.')) bare.add(spec);
    }
    // Built-ins may be named without node: (conf's dependencies do).
    const unexpected = [...bare].filter((s) => !/^node:/.test(s) && !isBuiltin(s) && !['electron', 'pdfkit', 'fontkit', 'pdf-lib', 'pdfjs-dist/legacy/build/pdf.mjs'].includes(s));
    expect(unexpected).toEqual([]);
    // pdfkit is loaded with the first export, not at start-up.
    expect(specifiers(readFileSync(join(electronOut, 'main.js'), 'utf8'))).not.toContain('pdfkit');
  });

  it('the bundled main starts, hardens the session, serves the page with the CSP and answers IPC', () => {
    const userData = join(out, 'user-data');
    mkdirSync(userData);
    const run = spawnSync(process.execPath, ['--import', fileURLToPath(new URL('./main/fixtures/electron-smoke-loader.mjs', import.meta.url)), join(electronOut, 'main.js')], {
      cwd: root,
      env: { ...process.env, SMOKE_USER_DATA: userData },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const log = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { what: string; detail?: any }[];
    const get = (what: string) => log.find((e) => e.what === what)?.detail;
    const order = log.map((e) => e.what);
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('whenReady'));
    expect(order).toContain('setPermissionRequestHandler');
    expect(order).toContain('webRequest.onBeforeRequest');
    expect(order).toContain('setWindowOpenHandler');
    expect(get('BrowserWindow')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(electronOut, 'preload.cjs') });
    expect(get('loadURL')).toBe('app://nianbao/index.html');
    expect(get('page')).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>年报助手</title>' });
    expect([...get('channels')].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(get('app:info')).toMatchObject({ ok: true, value: { version: '0.1.0' } });
    expect(get('prefs:get')).toEqual({ ok: true, value: { agency: null, recent: [] } });
    expect(get('forbidden')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(get('setApplicationMenu')).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
    expect(order).not.toContain('showErrorBox');
  });

  it('the bundled parse worker (dist/electron/parse-worker.js) imports a report and exports a PDF, as the app runs it', async () => {
    const runner = createWorkerRunner({ entry: join(electronOut, 'parse-worker.js') });
    try {
      const html = join(root, '..', 'shared', 'samples', 'office', 'huangjin-2019.html');
      const imported = await runner.run('importFile', [html], { what: 'huangjin-2019.html' });
      expect(imported).toMatchObject({ ok: true, kind: 'html', doc: { year: 2019, format: '2019' } });
      if (!imported.ok) return;
      const rendered = await runner.run('renderPdf', [imported.doc, { mode: 'draft', today: '2025-01-15' }, join(root, 'assets', 'fonts')], { what: 'PDF' });
      expect(rendered.ok && Buffer.from(rendered.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await runner.close();
    }
  });

  const runMain = (args: string[]) =>
    spawnSync(process.execPath, ['--import', fileURLToPath(new URL('./main/fixtures/electron-smoke-loader.mjs', import.meta.url)), join(electronOut, 'main.js'), ...args], {
      cwd: root, // the stand-in's getAppPath(): assets/fonts is found there, as in `electron .`
      env: { ...process.env, SMOKE_USER_DATA: join(out, 'cli-user-data'), NIANBAO_DEBUG: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('`--cli` runs the command line inside the app (what nianbao.cmd does): no window, the output and exit code of the command', () => {
    const report = join(out, 'cli.nianbao');
    const made = runMain(['--cli', 'new', '--year', '2024', '--agency', '黄金镇人民政府', '-o', report]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('已新建“黄金镇人民政府2024年政府信息公开工作年度报告”');
    // No window, no protocol, no single-instance lock: the stand-in would have printed its JSON log.
    expect(made.stdout).not.toContain('registerSchemesAsPrivileged');

    const checked = runMain(['--cli', 'check', report, '--json']);
    expect(checked.status).toBe(1); // a blank report has error findings
    expect(JSON.parse(checked.stdout)).toMatchObject({ format: '2021', year: 2024 });

    const exported = runMain(['--cli', 'export', report, '-o', join(out, 'cli.pdf'), '--draft']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(readFileSync(join(out, 'cli.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const wrong = runMain(['--cli', 'frobnicate']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^错误：未知命令“frobnicate”/);
  });
});
