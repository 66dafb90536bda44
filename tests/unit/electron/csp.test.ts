import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// A <meta> policy cannot carry these (browsers ignore them there); the web server's header does.
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

describe('the Electron window gets the shared Content-Security-Policy', () => {
  // The packaged window loads index.html from file://, where no response header exists: its <meta> is the policy.
  it('renderer/index.html carries shared/csp.ts in its <meta>, less the header-only directives', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !HEADER_ONLY.has(d.split(' ')[0]));
    expect(directives(metas[0][1])).toEqual(expected);
  });

  it('the shared policy allows no remote content, eval, plugins or framing', () => {
    const d = Object.fromEntries(
      directives(CONTENT_SECURITY_POLICY).map((x) => [x.split(' ')[0], x.split(' ').slice(1)]),
    );
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    for (const sources of Object.values(d))
      for (const s of sources)
        expect(s, `a source in ${CONTENT_SECURITY_POLICY}`).toMatch(
          /^('self'|'none'|'unsafe-inline'|data:|blob:)$/,
        );
    expect(d['style-src']).toContain("'unsafe-inline'");
    expect(d['script-src']).not.toContain("'unsafe-inline'");
  });
});
