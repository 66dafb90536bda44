import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../../electron/core/project';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { readQdpx } from '../../../electron/core/refiqda/readQdpx';
import { tempDir } from '../export/fixture';

// Hostile .qdpx archives, built here and a few MB at most: entries of zeros that inflate to GiBs (deflate's
// ~1000:1 ceiling), sizes that lie, and archives that are not zips at all.

const GUID = 'c0ffee00-0000-4000-8000-000000000030';
const CODE = 'c0ffee00-0000-4000-8000-000000000010';
const TEXT = 'The ministers agreed to widen the exchange of training data.';
const qde = (sourcePath: string): string => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Bomb">
 <CodeBook><Codes><Code guid="${CODE}" name="Training" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="${GUID}" name="Report" plainTextPath="${sourcePath}">
   <PlainTextSelection guid="c0ffee00-0000-4000-8000-000000000040" startPosition="4" endPosition="13">
    <Coding guid="c0ffee00-0000-4000-8000-000000000050"><CodeRef targetGUID="${CODE}"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>`;

interface Entry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Uint8Array;
  crc: number;
  size: number;
  /** The inflated size the headers claim (defaults to the true one). */
  claimed?: number;
}

const MiB = 2 ** 20;
const ZERO_MIB = Buffer.alloc(MiB);
// One MiB of zeros as a byte-aligned, non-final deflate block that references nothing before itself: repeated
// N times (and closed by an empty final block) it inflates to N MiB of zeros.
const ZERO_BLOCK = zlib.deflateRawSync(ZERO_MIB, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

function zeros(name: string, mib: number, claimed?: number): Entry {
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(ZERO_MIB, crc);
  const deflated = Buffer.concat([...Array.from({ length: mib }, () => ZERO_BLOCK), FINAL_BLOCK]);
  return { name, deflated, crc, size: mib * MiB, claimed };
}

function text(name: string, content: string): Entry {
  const bytes = Buffer.from(content, 'utf8');
  return { name, deflated: zlib.deflateRawSync(bytes), crc: zlib.crc32(bytes), size: bytes.length };
}

/** A plain zip (no data descriptors, no zip64) with the sizes each entry claims. */
function zipOf(entries: Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.claimed ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.deflated));
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

describe('zip limits on .qdpx', () => {
  it('inflates only what the project names: 3 GiB of unnamed entries cost nothing', () => {
    const bomb = zipOf([
      text('project.qde', qde('internal://report.txt')),
      text('sources/report.txt', TEXT),
      zeros('sources/padding-1.bin', 1024),
      zeros('sources/padding-2.bin', 1024),
      zeros('sources/padding-3.bin', 1024),
    ]);
    expect(bomb.length).toBeLessThan(4 * MiB);
    const dir = tempDir('dossier-zipbomb-');
    const before = maxRssMb();
    const report = importQdpxFile(bomb, path.join(dir, 'Bomb.dossier'), 'bomb.qdpx');
    // Peak memory of this process: 3 GiB had it inflated the padding.
    expect(maxRssMb() - before).toBeLessThan(300);
    expect(report.sources).toBe(1);
    expect(report.claims).toBe(1);
    const p = openProject(path.join(dir, 'Bomb.dossier'));
    try {
      expect((p.db.prepare('SELECT text FROM documents').get() as { text: string }).text).toBe(TEXT);
    } finally {
      closeProject(p);
    }
  });

  it('refuses a named source that inflates to 1 GiB, reading no more than the limit', () => {
    const bomb = zipOf([
      text('project.qde', qde('internal://report.txt')),
      zeros('sources/report.txt', 1024),
    ]);
    const before = maxRssMb();
    expect(() => readQdpx(bomb, 'bomb.qdpx')).toThrow(
      /^bomb\.qdpx is too large to import: sources\/report\.txt inflates to more than 64 MB/,
    );
    expect(maxRssMb() - before).toBeLessThan(300);
  });

  it('counts what actually inflates: an entry that claims 60 bytes and inflates to 1 GiB is refused', () => {
    const bomb = zipOf([
      text('project.qde', qde('internal://report.txt')),
      zeros('sources/report.txt', 1024, 60),
    ]);
    const before = maxRssMb();
    expect(() => readQdpx(bomb, 'bomb.qdpx')).toThrow(
      /^bomb\.qdpx is too large to import: sources\/report\.txt inflates more than 200 times its compressed size/,
    );
    expect(maxRssMb() - before).toBeLessThan(300);
  });

  it('refuses a project.qde that is itself a bomb', () => {
    const bomb = zipOf([zeros('project.qde', 512)]);
    expect(() => readQdpx(bomb, 'bomb.qdpx')).toThrow(/^bomb\.qdpx is too large to import: project\.qde/);
  });

  it('says a truncated, garbled or non-zip file is a malformed archive', () => {
    const good = zipOf([text('project.qde', qde('internal://report.txt')), text('sources/report.txt', TEXT)]);
    const truncated = good.subarray(0, good.length - 30);
    const garbled = Buffer.from(good);
    // The source's deflate data overwritten with bytes that are not a deflate stream.
    const at = garbled.indexOf(Buffer.from('sources/report.txt')) + 'sources/report.txt'.length;
    garbled.fill(0xff, at, at + 8);
    const notZip = Buffer.from('PK\u0003\u0004 this is not really a zip file at all, only its first bytes');
    for (const bytes of [truncated, garbled, notZip])
      expect(() => readQdpx(bytes, 'broken.qdpx')).toThrow(
        /^broken\.qdpx is not a readable \.qdpx \(zip\) file: malformed archive \(/,
      );
  });
});
