// createAppProtocolHandler: the app:// handler serves the renderer folder and the PDFs of running print jobs,
// nothing else, with the CSP and the other security headers; the scheme's privileges.
import { mkdirSync, promises as fsPromises, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, type PrintJobSource } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { removeDir, tempDir } from '../node/storage/helpers';

describe('createAppProtocolHandler', () => {
  let root: string;
  let rendererRoot: string;
  beforeAll(() => {
    root = tempDir();
    rendererRoot = join(root, 'renderer');
    mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>年报助手</title>');
    writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    symlinkSync(join(root, 'secret.txt'), join(rendererRoot, 'assets', 'link.txt'));
  });
  afterAll(() => removeDir(root));

  it('serves files of the renderer folder with the CSP and nosniff headers', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    const page = await handler(new Request('app://nianbao/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('年报助手');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await handler(new Request('app://nianbao/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it("reads through fs.promises as it is at the time of the request (where Electron's asar support patches it)", async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    // Replaced after the module was loaded, as Electron's asar wrapper replaces it on the same object.
    const realpath = vi.spyOn(fsPromises, 'realpath');
    const readFile = vi.spyOn(fsPromises, 'readFile');
    try {
      expect((await handler(new Request('app://nianbao/index.html'))).status).toBe(200);
      expect(readFile).toHaveBeenCalledWith(join(rendererRoot, 'index.html'));
      expect(realpath).toHaveBeenCalled();
    } finally {
      realpath.mockRestore();
      readFile.mockRestore();
    }
  });

  it('answers 404 for missing files, 403 for escapes (also through symbolic links), 405 for writes', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    expect((await handler(new Request('app://nianbao/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://nianbao/..%2fsecret.txt'))).status).toBe(403);
    expect((await handler(new Request('app://nianbao/%2e%2e/secret.txt'))).status).toBe(404); // normalised to renderer/secret.txt
    expect((await handler(new Request('app://nianbao/assets/link.txt'))).status).toBe(403);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://nianbao/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('HEAD gets the headers and the length without a body', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    const head = await handler(new Request('app://nianbao/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(head.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await head.text()).toBe('');
  });

  it('every answer, refusals too, carries the security headers', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    for (const request of [new Request('app://nianbao/nope.js'), new Request('app://other/index.html'), new Request('app://nianbao/', { method: 'PUT', body: 'x' })]) {
      const r = await handler(request);
      expect(r.status, request.url).toBeGreaterThanOrEqual(400);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  describe('with print jobs', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 the job');
    const asked: string[] = [];
    const jobs: PrintJobSource = {
      pdfForPath: (pathname) => {
        asked.push(pathname);
        return pathname === '/print-job/42' ? pdf : null;
      },
    };

    it('serves a running job’s PDF by its path, as application/pdf; HEAD without the body', async () => {
      const handler = createAppProtocolHandler(rendererRoot, jobs);
      const r = await handler(new Request('app://nianbao/print-job/42'));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-length')).toBe(String(pdf.byteLength));
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const body = new Uint8Array(await r.arrayBuffer());
      expect(body).toEqual(pdf);
      const head = await handler(new Request('app://nianbao/print-job/42', { method: 'HEAD' }));
      expect(head.headers.get('content-length')).toBe(String(pdf.byteLength));
      expect(await head.text()).toBe('');
    });

    it('a path that names no job is looked up as a file; another host never asks the jobs', async () => {
      const handler = createAppProtocolHandler(rendererRoot, jobs);
      asked.length = 0;
      expect((await handler(new Request('app://nianbao/print-job/7'))).status).toBe(404);
      expect((await handler(new Request('app://nianbao/index.html'))).status).toBe(200);
      expect(asked).toEqual(['/print-job/7', '/index.html']);
      expect((await handler(new Request('app://evil/print-job/42'))).status).toBe(403);
      expect(asked).toEqual(['/print-job/7', '/index.html']);
      expect((await handler(new Request('app://nianbao/print-job/42', { method: 'POST', body: 'x' }))).status).toBe(405);
    });
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app as a standard, secure scheme with fetch, and without CSP bypass, CORS, service workers or streams', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
    });
  });
});
