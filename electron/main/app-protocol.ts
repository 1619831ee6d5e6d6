// The app:// protocol: serves the renderer build folder and nothing else, with the CSP header. The handler
// is plain Node (Request → Response) so it is tested without Electron; main.ts registers it with
// protocol.handle.
// fs.promises looked up at each call: in a packaged app Electron's asar support replaces
// fs.promises.readFile/realpath on that object, so the handler must not hold on to functions taken earlier
// (named imports of node:fs/promises are such a snapshot).
import { promises as fsPromises } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_SCHEME, isAllowedUrl, isInsideFolder, resolveAppUrl } from './decisions';

/** Registered before the app is ready: a standard, secure scheme (so the page has an origin, fetch
 *  works and the CSP 'self' means app://nianbao). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
} as const;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** The PDFs of running print jobs (electron/node/print/print-job.ts), by app:// path. */
export interface PrintJobSource {
  pdfForPath(pathname: string): Uint8Array | null;
}

export function createAppProtocolHandler(root: string, printJobs?: PrintJobSource): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const job = printJobs && isAllowedUrl(request.url) ? printJobs.pdfForPath(new URL(request.url).pathname) : null;
    if (job) {
      return new Response(request.method === 'HEAD' ? null : job.slice(), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': 'application/pdf', 'content-length': String(job.byteLength) },
      });
    }
    const resolved = resolveAppUrl(request.url, root);
    if (resolved.kind !== 'file') return refuse(403, 'Forbidden');
    try {
      // A symbolic link inside the folder must not lead outside it.
      const [realFile, realRoot] = await Promise.all([fsPromises.realpath(resolved.path), fsPromises.realpath(root)]);
      if (!isInsideFolder(realFile, realRoot)) return refuse(403, 'Forbidden');
      const body = await fsPromises.readFile(realFile);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': resolved.mimeType, 'content-length': String(body.byteLength) },
      });
    } catch {
      return refuse(404, 'Not found');
    }
  };
}
