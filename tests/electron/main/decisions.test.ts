// The adapter's pure decisions: allowed URLs, request filtering, the app:// file mapping, folder
// containment, command-line report paths, window bounds, and the CSP (the app:// handler: app-protocol.test.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  cliArgsFromArgv,
  isAllowedRequestUrl,
  isAllowedUrl,
  isInsideFolder,
  isTrustedSenderUrl,
  mimeTypeFor,
  reportPathsFromArgv,
  reportPathsFromSecondInstance,
  secondInstanceData,
  resolveAppUrl,
  visibleBounds,
} from '../../../electron/main/decisions';

describe('isAllowedUrl / isTrustedSenderUrl', () => {
  it('allow the app’s own pages only', () => {
    for (const url of [APP_START_URL, 'app://nianbao/', 'app://nianbao/index.html#/wizard/t3', 'app://nianbao/assets/x.js?v=1']) {
      expect(isAllowedUrl(url), url).toBe(true);
      expect(isTrustedSenderUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://nianbao.evil.com/',
      'app://user:pw@nianbao/',
      'APP://NIANBAO/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:app://nianbao/1234',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
      null,
      undefined,
      42,
      {},
      ['app://nianbao/'],
      'app://nianbao/' + 'x'.repeat(10000),
    ]) {
      expect(isAllowedUrl(url), String(url)).toBe(false);
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isAllowedRequestUrl (session web requests)', () => {
  it('lets app://, the PDF viewer, devtools and in-page data through and cancels every network scheme', () => {
    for (const url of [
      'app://nianbao/index.html',
      'devtools://devtools/bundled/x.js',
      'data:image/png;base64,AAAA',
      'blob:app://nianbao/1',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      'chrome://resources/css/text_defaults_md.css',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://example.com/',
      'https://example.com/font.woff2',
      'ws://localhost:1234/',
      'wss://example.com/',
      'ftp://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'chrome-extension://abc/x.js',
      'chrome://settings/',
      'chrome://gpu/',
      'https://update.electronjs.org/',
      '',
      null,
    ]) {
      expect(isAllowedRequestUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isInsideFolder', () => {
  it('is true strictly inside, false for the folder itself, siblings, parents and traversal', () => {
    expect(isInsideFolder('/a/b/c.txt', '/a/b')).toBe(true);
    expect(isInsideFolder('/a/b/d/e.txt', '/a/b/')).toBe(true);
    expect(isInsideFolder('/a/b', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/bc/x', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/b/../c', '/a/b')).toBe(false);
    expect(isInsideFolder('/a', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/b/x\0.txt', '/a/b')).toBe(false);
    expect(isInsideFolder('relative/x', resolve('relative'))).toBe(true);
  });
});

describe('resolveAppUrl', () => {
  const root = '/srv/renderer';
  it('maps the app’s URLs to files in the renderer folder, with their type', () => {
    expect(resolveAppUrl('app://nianbao/', root)).toEqual({ kind: 'file', path: '/srv/renderer/index.html', mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppUrl('app://nianbao/index.html?x=1#y', root)).toMatchObject({ kind: 'file', path: '/srv/renderer/index.html' });
    expect(resolveAppUrl('app://nianbao/assets/index-abc.js', root)).toEqual({
      kind: 'file',
      path: '/srv/renderer/assets/index-abc.js',
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppUrl('app://nianbao/assets/%E5%AD%97%E4%BD%93.woff2', root)).toMatchObject({ path: '/srv/renderer/assets/字体.woff2', mimeType: 'font/woff2' });
  });

  it('refuses other hosts and other schemes', () => {
    for (const url of ['app://other/index.html', 'https://nianbao/index.html', 'file:///srv/renderer/index.html', 'app://nianbao/%E0%A4%A', 42, null]) {
      expect(resolveAppUrl(url, root).kind, String(url)).toBe('forbidden');
    }
  });

  it('never leaves the folder, however the path is encoded', () => {
    const tricky = [
      'app://nianbao/%2e%2e/secret.txt',
      'app://nianbao/assets/%2E%2E/%2E%2E/etc/passwd',
      'app://nianbao/..%2f..%2fetc/passwd',
      'app://nianbao/%2e%2e%5c..%5cwindows',
      'app://nianbao/x%00.html',
      'app://nianbao/..\\..\\etc\\passwd',
      'app://nianbao/assets/../../../etc/passwd',
      'app://nianbao//etc/passwd',
    ];
    for (const url of tricky) {
      const r = resolveAppUrl(url, root);
      expect(r.kind === 'forbidden' || isInsideFolder(r.path, root), `${url} → ${JSON.stringify(r)}`).toBe(true);
    }
    // URL parsing removes dot segments, encoded or not: these stay inside (and are then simply missing).
    expect(resolveAppUrl('app://nianbao/%2e%2e/secret.txt', root)).toMatchObject({ path: '/srv/renderer/secret.txt' });
    // Encoded separators and NULs are refused outright.
    expect(resolveAppUrl('app://nianbao/..%2f..%2fetc/passwd', root).kind).toBe('forbidden');
    expect(resolveAppUrl('app://nianbao/x%00.html', root).kind).toBe('forbidden');
  });

  it('guesses types by extension', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('reportPathsFromArgv', () => {
  it('takes .nianbao arguments (not switches), resolved against the working folder, once each', () => {
    expect(
      reportPathsFromArgv(['--allow-file-access', '.', 'a.nianbao', '/abs/B.NIANBAO', '--x=y.nianbao', 'notes.txt', 'a.nianbao', 42], '/home/u'),
    ).toEqual(['/home/u/a.nianbao', '/abs/B.NIANBAO']);
    expect(reportPathsFromArgv([], '/')).toEqual([]);
  });
});

describe('cliArgsFromArgv', () => {
  it('is the command line after --cli (packaged: exe args; development: after the app folder), else null', () => {
    expect(cliArgsFromArgv(['--cli', 'check', '报告.nianbao', '--json'])).toEqual(['check', '报告.nianbao', '--json']);
    expect(cliArgsFromArgv(['.', '--cli', '--version'])).toEqual(['--version']);
    expect(cliArgsFromArgv(['--cli'])).toEqual([]);
    expect(cliArgsFromArgv(['a.nianbao'])).toBeNull();
    expect(cliArgsFromArgv([])).toBeNull();
  });
});

describe('reportPathsFromSecondInstance', () => {
  it("prefers the second instance's own arguments (additionalData) over the argv Chromium reordered", () => {
    const data = secondInstanceData(['D:\\报告\\2024.nianbao'], 'D:\\报告');
    // What 'second-instance' may report: switches Chromium added, the file after them or missing.
    const chromiumArgv = ['--allow-file-access-from-files', '--original-process-start-time=13370000'];
    expect(reportPathsFromSecondInstance(chromiumArgv, 'C:\\Windows', data)).toEqual(reportPathsFromArgv(['D:\\报告\\2024.nianbao'], 'D:\\报告'));
    expect(reportPathsFromSecondInstance(['--x', 'b.nianbao'], '/home/u', { argv: ['a.nianbao'], workingDirectory: '/data' })).toEqual(['/data/a.nianbao']);
  });

  it('falls back to argv and the working folder when additionalData is missing or malformed', () => {
    for (const bad of [undefined, null, {}, 'a.nianbao', { argv: 'a.nianbao', workingDirectory: '/d' }, { argv: ['a.nianbao'] }, { argv: ['a.nianbao'], workingDirectory: '' }]) {
      expect(reportPathsFromSecondInstance(['--flag', 'b.nianbao'], '/home/u', bad)).toEqual(['/home/u/b.nianbao']);
    }
  });
});

describe('visibleBounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('keeps bounds on a screen and drops the position of a window that would be off-screen', () => {
    const on = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(visibleBounds(on, screens)).toEqual(on);
    expect(visibleBounds({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, screens)).toEqual({ width: 1200, height: 800, maximized: false });
    expect(visibleBounds({ x: 100, y: -500, width: 1200, height: 800 }, screens)).toEqual({ width: 1200, height: 800 });
    expect(visibleBounds({ width: 1200, height: 800 }, screens)).toEqual({ width: 1200, height: 800 });
  });
});
