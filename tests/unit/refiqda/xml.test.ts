import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  attr,
  child,
  children,
  decodeEntities,
  parseXml,
  textOf,
  writeElement,
  type XmlNode,
} from '../../../electron/core/refiqda/xml';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

const text = fc.string({ unit: fc.constantFrom('a', 'é', '&', '<', '>', '"', "'", ' ', '😀', ';', '#') });

describe('XML writing and reading', () => {
  it('writeElement gives the same document as XMLBuilder, read back value for value', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), (name, description, notes) => {
        const node: XmlNode = {
          '@_guid': 'g',
          '@_name': name,
          Description: description || undefined,
          NoteRef: notes.map((n) => ({ '@_targetGUID': n })),
        };
        const mine: string[] = [];
        writeElement('Code', node, mine);
        for (const xml of [mine.join(''), builder.build({ Code: node }) as string]) {
          const code = child(parseXml(xml, 'test'), 'Code');
          expect(attr(code, 'name')).toBe(name);
          expect(textOf(code, 'Description')).toBe(description);
          expect(children(code, 'NoteRef').map((n) => attr(n, 'targetGUID'))).toEqual(notes);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps line breaks in attributes, which XMLBuilder would let a parser turn into spaces', () => {
    const out: string[] = [];
    writeElement('Source', { '@_name': 'two\nlines\tand\r\nmore' }, out);
    expect(attr(child(parseXml(out.join(''), 't'), 'Source'), 'name')).toBe('two\nlines\tand\r\nmore');
  });

  it('decodes numeric character references once, and never a decoded ampersand twice', () => {
    expect(decodeEntities('a&#13;&#10;b &#x1F600; &amp;#13; &lt;')).toBe('a\r\nb 😀 &#13; <');
  });
});
