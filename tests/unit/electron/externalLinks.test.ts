import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../electron/main/externalLinks';

describe('which links Dossier hands to the system', () => {
  it.each([
    'https://example.org/',
    'https://example.org/paper.pdf?x=1#p2',
    'mailto:analyst@example.org',
    'MAILTO:a@b.c',
  ])('passes %s on', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'http://example.org/',
    'HTTP://example.org/',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'file://server/share/run.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/uuid',
    'ftp://example.org/',
    'about:blank',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    'https:',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});
