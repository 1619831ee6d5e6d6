// The renderer's Content Security Policy: no remote, inline or eval'd code, no connections but the app's own,
// and the <meta> variant the build writes into index.html (the same, less frame-ancestors).
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('CONTENT_SECURITY_POLICY', () => {
  it('the CSP allows no remote or inline code and no network connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('names each directive once', () => {
    const names = CSP_DIRECTIVES.map((d) => d.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(directives(CONTENT_SECURITY_POLICY))).toEqual(names);
  });
});

describe('META_CONTENT_SECURITY_POLICY', () => {
  it('is the same policy without frame-ancestors, which a <meta> tag cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(header['frame-ancestors']).toEqual(["'none'"]);
    expect(meta).not.toHaveProperty('frame-ancestors');
    const { 'frame-ancestors': _dropped, ...rest } = header;
    expect(meta).toEqual(rest);
  });
});
