import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { DossierError } from '../errors';
import { htmlToText } from './blocks';

// Word documents through mammoth (its HTML, flattened by our block walker), after a look at the zip's central
// directory so that a zip bomb is refused before anything is inflated.

/** A .docx whose parts would inflate to more than this is refused as a zip bomb. */
export const DOCX_MAX_UNCOMPRESSED = 512 * 2 ** 20;

export interface DocxDoc {
  text: string;
  title: string;
  author: string;
  published: string;
  meta: Record<string, string>;
}

function inspectZip(bytes: Uint8Array): Uint8Array | undefined {
  let total = 0;
  let core: Uint8Array | undefined;
  let hasDocument = false;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (f.name === 'word/document.xml') hasDocument = true;
        return f.name === 'docProps/core.xml' && f.originalSize < 1 << 20;
      },
    });
    core = files['docProps/core.xml'];
  } catch (error) {
    throw new DossierError(
      'invalid_input',
      `corrupt DOCX: not a readable zip archive (${(error as Error).message})`,
    );
  }
  if (total > DOCX_MAX_UNCOMPRESSED) {
    throw new DossierError(
      'invalid_input',
      `zip bomb: the DOCX would inflate to ${Math.round(total / 2 ** 20)} MB (limit ${DOCX_MAX_UNCOMPRESSED / 2 ** 20} MB)`,
    );
  }
  if (!hasDocument)
    throw new DossierError('invalid_input', 'corrupt DOCX: no word/document.xml in the archive');
  return core;
}

function coreProperties(xml: Uint8Array | undefined): Record<string, string> {
  if (!xml) return {};
  const parsed = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false }).parse(
    Buffer.from(xml).toString('utf8'),
  ) as { coreProperties?: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.coreProperties ?? {})) {
    const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
    if (s) out[k] = s;
  }
  return out;
}

export async function extractDocx(bytes: Uint8Array): Promise<DocxDoc> {
  const core = coreProperties(inspectZip(bytes));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Comments are kept (mammoth lists them after the body, like footnotes and endnotes); images are dropped.
      {
        styleMap: ['comment-reference => sup'],
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new DossierError('invalid_input', `corrupt DOCX: ${(error as Error).message.split('\n')[0]}`);
  }
  // mammoth's back-links from notes to their reference ("↑") are navigation, not text.
  const text = htmlToText(html.replace(/<a href="#[^"]*-ref-[^"]*">↑<\/a>/g, ''));
  const meta: Record<string, string> = {};
  if (core.title) meta.title = core.title;
  if (core.creator) meta.creator = core.creator;
  if (core.created) meta.created = core.created;
  if (core.subject) meta.subject = core.subject;
  if (core.description) meta.description = core.description;
  if (core.lastModifiedBy) meta.lastModifiedBy = core.lastModifiedBy;
  if (core.modified) meta.modified = core.modified;
  return {
    text,
    title: core.title ?? '',
    author: core.creator ?? '',
    published: (core.created ?? '').slice(0, 10),
    meta,
  };
}
