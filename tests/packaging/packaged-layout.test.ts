// The packaged app without packaging (the Electron zip cannot be downloaded here): the files electron-builder
// would put into resources/app and resources/fonts, chosen by electron-builder's OWN code — its npm
// dependency collector and node-module copy helper, fed the `files` exclusions of electron-builder.yml — and
// the built main/preload. Then the bundled PDF chunk runs from that layout in plain Node: its externals
// (pdfkit, fontkit, pdf-lib) must come from the packed node_modules and the fonts from resources/fonts,
// where main.ts looks when packaged. What this does not cover: reading from inside app.asar (Electron's
// patched fs) and the fuses, which need a real Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));

interface ModuleInfo {
  name: string;
  dir: string;
  dependencies?: ModuleInfo[];
}
interface Matcher {
  createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
}
const { getCollectorByPackageManager } = builderRequire('./out/node-module-collector') as {
  getCollectorByPackageManager(pm: 'npm', rootDir: string, tmp: unknown): { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: ModuleInfo[] }> };
};
const { FileMatcher } = builderRequire('./out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => Matcher;
};
const { NodeModuleCopyHelper } = builderRequire('./out/util/NodeModuleCopyHelper') as {
  NodeModuleCopyHelper: new (matcher: Matcher, packager: unknown) => { collectNodeModules(dep: ModuleInfo, excludedExts: string[], destination: string): Promise<string[]> };
};
const { TmpDir } = builderRequire('temp-file') as { TmpDir: new () => { cleanup(): Promise<void> } };

const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; main: string; dependencies: Record<string, string> };

let work: string;
let resources: string;
/** Packed node_modules: destination folder (node_modules/x[/node_modules/y]) → relative file paths. */
const packed = new Map<string, string[]>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-packaged-')); // outside the repository: nothing resolves from its node_modules
  resources = join(work, 'resources');
  const app = join(resources, 'app');
  const electronOut = join(app, 'dist', 'electron');
  const build = spawnSync(process.execPath, [join(root, 'electron', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, NIANBAO_ELECTRON_OUTDIR: electronOut },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));

  // node_modules as electron-builder 26 selects them (appFileCopier.computeNodeModuleFileSets).
  const tmp = new TmpDir();
  try {
    const { nodeModules } = await getCollectorByPackageManager('npm', root, tmp).getNodeModules({ packageName: pkg.name });
    const patterns = ['**/*', ...config.files.filter((p) => p.startsWith('!'))];
    const packager = { appInfo: { type: 'module' }, config: {}, getWorkspaceRoot: async () => undefined };
    const walk = async (dep: ModuleInfo, destination: string) => {
      const helper = new NodeModuleCopyHelper(new FileMatcher(dep.dir, destination, (s) => s, patterns), packager);
      const files = (await helper.collectNodeModules(dep, ['.o', '.obj', '.pdb', '.dll', '.exe'], destination)).filter((f) => !lstatSync(f).isDirectory());
      packed.set(destination, files.map((f) => relative(dep.dir, f)));
      for (const file of files) {
        const target = join(app, destination, relative(dep.dir, file));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(file, target);
      }
      for (const child of dep.dependencies ?? []) await walk(child, join(destination, 'node_modules', child.name));
    };
    for (const dep of nodeModules) await walk(dep, join('node_modules', dep.name));
  } finally {
    await tmp.cleanup();
  }

  // extraResources, with electron-builder's own matcher for the filter.
  for (const extra of config.extraResources) {
    const from = join(root, extra.from);
    const filter = new FileMatcher(from, join(resources, extra.to), (s) => s, extra.filter).createFilter();
    mkdirSync(join(resources, extra.to), { recursive: true });
    for (const name of readdirSync(from)) if (filter(join(from, name), lstatSync(join(from, name)))) copyFileSync(join(from, name), join(resources, extra.to, name));
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the app as electron-builder lays it out', () => {
  it("package.json's main is the bundled ESM main, next to the CommonJS preload", () => {
    const app = join(resources, 'app');
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(existsSync(join(app, pkg.main))).toBe(true);
    expect(existsSync(join(app, 'dist', 'electron', 'preload.cjs'))).toBe(true);
    // "type": "module" makes Node (and Electron ≥ 28) load main.js as an ES module.
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).type).toBe('module');
  });

  it('packs the PDF packages with their dependencies, and none of the renderer-only or CLI-only ones', () => {
    const top = [...packed.keys()].filter((d) => d.split('node_modules').length === 2 && packed.get(d)!.length > 0).map((d) => d.slice('node_modules/'.length));
    expect(top).toEqual(expect.arrayContaining(['pdfkit', 'fontkit', 'pdf-lib', 'restructure', 'linebreak', '@pdf-lib/standard-fonts']));
    for (const name of ['react', 'react-dom', 'scheduler', 'zustand', 'zundo', 'tsx', 'esbuild', '@esbuild/linux-x64']) expect(top).not.toContain(name);
    // Development dependencies never come along.
    for (const name of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript']) expect(packed.has(`node_modules/${name}`)).toBe(false);
  });

  it('ships the four PDF fonts (and their licences) where main looks for them when packaged', () => {
    const fonts = readdirSync(join(resources, 'fonts')).sort();
    expect(fonts).toEqual(expect.arrayContaining(['NianbaoKai-Regular.ttf', 'NotoSansSC-Medium.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSerifSC-Regular.ttf', 'OFL.txt']));
    expect(fonts.filter((f) => !/\.(ttf|txt)$/.test(f))).toEqual([]);
    expect(readFileSync(join(root, 'electron', 'main', 'main.ts'), 'utf8')).toContain("app.isPackaged ? join(process.resourcesPath, 'fonts')");
  });

  it('exports and re-imports a PDF from that layout, the PDF packages resolved from the packed node_modules', () => {
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('../electron/main/fixtures/packaged-pdf.mjs', import.meta.url)), resources], {
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { bytes: number; head: string; back: { agency: { name: string }; sections: { overview: string } } | string; resolved: Record<string, string> };
    expect(result.head).toBe('%PDF-');
    expect(result.bytes).toBeGreaterThan(10_000);
    expect(typeof result.back === 'string' ? result.back : result.back.agency.name).toBe('测试镇人民政府');
    for (const file of Object.values(result.resolved)) expect(file.startsWith(join(resources, 'app', 'node_modules') + '/')).toBe(true);
  });

  it('the bundled parse worker runs from that layout: imports a web page, exports a draft PDF with the packaged fonts, reads it back', () => {
    expect(existsSync(join(resources, 'app', 'dist', 'electron', 'parse-worker.js'))).toBe(true);
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('../electron/main/fixtures/packaged-worker.mjs', import.meta.url)), resources, join(root, '..', 'shared', 'samples', 'office', 'huangjin-2019.html')], { cwd: work, encoding: 'utf8', timeout: 90_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as unknown;
    expect(result).toEqual({ report: { year: 2019 }, head: '%PDF-', back: 2019 });
  });
});
