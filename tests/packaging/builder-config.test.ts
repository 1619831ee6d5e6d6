// electron-builder.yml: valid against the JSON schema electron-builder ships, and making the choices the
// product needs (per-user Windows installer in Chinese, Linux deb + AppImage, the .nianbao association,
// fonts as resources, no publishing, hardened fuses, ASCII artifact names).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
    // The schema is not a pushover: a typo in a key is caught.
    expect(validate({ ...config, nsis: { ...config.nsis, perMachien: false } })).toBe(false);
  });

  it('names the product, the app id and ASCII artifacts; publishes nothing', () => {
    expect(config.productName).toBe('年报助手');
    expect(config.appId).toMatch(/^[a-z0-9.]+$/);
    expect(config.artifactName).toBe('nianbao-${version}-${os}-${arch}.${ext}');
    expect(/^[\x20-\x7e]+$/.test(config.artifactName)).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('Windows: NSIS x64, per-user without elevation, Chinese installer', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // One-click + not per-machine is electron-builder's per-user installer with `RequestExecutionLevel user`
    // and no install-mode page; the assisted installer would ask "all users or just me".
    expect(config.nsis.oneClick).toBe(true);
    expect(config.nsis.perMachine).toBe(false);
    // electron-builder refuses these with oneClick (InvalidConfigurationError) or ignores them.
    expect(config.nsis.allowToChangeInstallationDirectory).toBeUndefined();
    expect(config.nsis.allowElevation).toBeUndefined();
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(String(config.nsis.language)).toBe('2052');
  });

  it('Linux: deb and AppImage for x64 and arm64, category Office', () => {
    const targets = config.linux.target as { target: string; arch: string[] }[];
    expect(targets.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    for (const t of targets) expect(t.arch.sort()).toEqual(['arm64', 'x64']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.executableName).toMatch(/^[a-z0-9-]+$/);
  });

  it('associates .nianbao files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'nianbao', name: '年报助手报告' })]);
  });

  it('ships the fonts as extra resources (assets/fonts → fonts), where main looks for them', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'assets/fonts', to: 'fonts' })]);
    const main = readFileSync(`${root}electron/main/main.ts`, 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'fonts')");
  });

  it('Windows: nianbao.cmd next to the app runs 年报助手.exe --cli with the arguments and returns its exit code', () => {
    expect(config.win.extraFiles).toEqual([{ from: 'electron/cli/windows/nianbao.cmd', to: 'nianbao.cmd' }]);
    const bytes = readFileSync(`${root}electron/cli/windows/nianbao.cmd`);
    const text = bytes.toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe(''); // every line ends with CRLF, as cmd.exe needs
    expect(lines.slice(0, -1).every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    // The one line with the executable's (Chinese) name comes after switching to UTF-8, which is restored later.
    const exe = lines.findIndex((l) => l.includes(`${config.productName}.exe`));
    expect(lines[exe]).toBe(`"%~dp0${config.productName}.exe" --cli %*`);
    const utf8 = lines.indexOf('chcp 65001 >nul');
    expect(utf8).toBeGreaterThan(-1);
    expect(utf8).toBeLessThan(exe);
    expect(lines.filter((_, i) => i !== exe).every((l) => /^[\x20-\x7e]*$/.test(l))).toBe(true);
    expect(lines.slice(exe + 1)).toEqual(expect.arrayContaining(['set "NIANBAO_EXIT=%ERRORLEVEL%"', 'exit /b %NIANBAO_EXIT%']));
    // main handles the switch before anything else.
    expect(readFileSync(`${root}electron/main/main.ts`, 'utf8')).toContain('cliArgsFromArgv(process.argv.slice(1))');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs only the build output and package.json (dependencies come from node_modules)', () => {
    const include = (config.files as string[]).filter((f) => !f.startsWith('!'));
    expect(include.sort()).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
  });
});
