import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import/extract';
import {
  chooseTitle,
  fileNameKind,
  stripSiteName,
  titleFromLines,
} from '../../../electron/core/import/titleChoice';
import { extractFile } from '../../../electron/core/import/formats';
import { sharedDir } from './helpers';

const bbc = path.join(sharedDir, 'corpora', 'bbc-news');
const html = path.join(sharedDir, 'fixtures', 'html');
const present = fs.existsSync(bbc) && fs.existsSync(html);
if (!present) console.warn(`skipping title tests on real files: ${bbc} or ${html} is absent`);

const prose =
  'Defence ministers from across the Alliance met in Brussels on Thursday to review the state of support for Ukraine and to agree on how it should be organised.';

describe('titles of plain-text files (generated cases)', () => {
  it('a hash file name is never the title: the heading line is', () => {
    const text = `Allies widen intelligence sharing with Kyiv\n\n${prose}`;
    expect(extractDocument('001_98c57f5f27d9cc4e.txt', Buffer.from(text)).title).toBe(
      'Allies widen intelligence sharing with Kyiv',
    );
  });

  it('a masthead above the headline is passed over (short line, longer heading after it)', () => {
    const text = `Small Wars Journal\n\nThe Quiet Work of Defence Attachés in Kyiv\n\n${prose}`;
    expect(extractDocument('001_98c57f5f27d9cc4e.txt', Buffer.from(text)).title).toBe(
      'The Quiet Work of Defence Attachés in Kyiv',
    );
    expect(titleFromLines(`War on the Rocks\nWhy Ammunition Production Lags Behind Demand\n${prose}`)).toBe(
      'Why Ammunition Production Lags Behind Demand',
    );
  });

  it('a short heading followed by prose is the title', () => {
    expect(titleFromLines(`Ammunition and industry\n\n${prose}`)).toBe('Ammunition and industry');
  });

  it('a file name that is words is the title when the text starts with prose', () => {
    expect(extractDocument('nato-training-mission_report.txt', Buffer.from(prose)).title).toBe(
      'Nato training mission report',
    );
  });

  it('a code file name beats the first words of prose; a hash does not', () => {
    expect(extractDocument('USA_70_2015.txt', Buffer.from(prose)).title).toBe('USA_70_2015');
    expect(extractDocument('001_98c57f5f27d9cc4e.txt', Buffer.from(prose)).title).toBe(
      'Defence ministers from across the Alliance met in Brussels on Thursday to…',
    );
    expect(fileNameKind('001_98c57f5f27d9cc4e')).toBe('hash');
    expect(fileNameKind('0042')).toBe('hash');
    expect(fileNameKind('AFG_70_2015')).toBe('code');
    expect(fileNameKind('Quiet channels of dialogue')).toBe('words');
  });

  it('never takes the site name, and cuts it off a page title', () => {
    expect(stripSiteName('Summit report | Example News', 'Example News')).toBe('Summit report');
    expect(stripSiteName('Example News: Summit report', 'Example News')).toBe('Summit report');
    expect(stripSiteName("Obama admits US gun laws are his 'biggest frustration' - BBC News")).toBe(
      "Obama admits US gun laws are his 'biggest frustration'",
    );
    expect(stripSiteName('Ukraine - A History')).toBe('Ukraine - A History');
    expect(
      chooseTitle({ base: 'x1', text: `Small Wars Journal\n\n${prose}`, siteName: 'Small Wars Journal' }),
    ).toBe('x1');
  });

  it('bylines and dates of a page are stored normalised', async () => {
    const page = `<!doctype html><html><head><title>Allies agree a training plan - Example News</title>
      <meta property="og:site_name" content="Example News">
      <meta name="author" content="By Jane Doe and John Roe">
      <meta property="article:published_time" content="July 21, 2015"></head>
      <body><article><h1>Allies agree a training plan</h1><p>${prose} ${prose}</p><p>${prose}</p></article></body></html>`;
    const doc = await extractFile('3f9a0c1d2e4b5a69.html', Buffer.from(page));
    expect(doc.title).toBe('Allies agree a training plan');
    expect(doc.author).toBe('Jane Doe; John Roe');
    expect(doc.published).toBe('2015-07-21');
  });
});

describe.skipIf(!present)('titles of real files in ../shared', () => {
  it('BBC news files (named 001.txt…) are titled by their headline', () => {
    for (const topic of ['business', 'politics', 'tech']) {
      for (const name of ['001.txt', '002.txt', '010.txt']) {
        const bytes = fs.readFileSync(path.join(bbc, topic, name));
        const headline = bytes.toString('utf8').split('\n')[0].trim();
        expect(extractDocument(name, bytes).title, `${topic}/${name}`).toBe(headline);
      }
    }
  });

  it('saved news pages are titled by their article title, without the site name', async () => {
    const cases: [string, string][] = [
      ['bbc-1', "Obama admits US gun laws are his 'biggest frustration'"],
      ['title-en-dash', 'Lorem ipsum dolor sit amet'],
      ['nytimes-1', 'United States to Lift Sudan Sanctions'],
      ['lemonde-1', "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"],
      ['breitbart', "'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump Supporters?'"],
      ['wapo-2', 'Where do strained U.S.-Israeli relations go after Netanyahu’s victory?'],
    ];
    for (const [dir, title] of cases) {
      const doc = await extractFile('source.html', fs.readFileSync(path.join(html, dir, 'source.html')));
      expect(doc.title, dir).toBe(title);
    }
  });

  it('bylines of the saved pages lose their "By"', async () => {
    const doc = await extractFile('source.html', fs.readFileSync(path.join(html, 'wapo-2', 'source.html')));
    expect(doc.author).toBe('Steven Mufson');
  });
});
