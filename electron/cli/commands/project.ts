import { codePointLength } from '../../../shared/text';
import type { DocumentSummary } from '../../../shared/api';
import { MAX_DOCUMENT_PAGE } from '../../../shared/api/documentPage';
import { defaultDataDir } from '../../core/dataDir';
import path from 'node:path';
import { createProject } from '../../core/project';
import { startSession } from '../../core/projects';
import { call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';

export const init: Command = {
  name: 'init',
  usage: USAGE['init'],
  run: async ([file], v) => {
    if (!file) throw new UsageError('name the project file to create');
    const codebook = v.codebook ?? 'defence-diplomacy';
    const p = createProject(file, codebook);
    const domains = (await call(p, 'listDomains', {})).length;
    return {
      json: { path: p.path, name: p.name, codebook, domains },
      text: `Created ${p.path} with ${domains} domains`,
    };
  },
};

export const docs: Command = {
  name: 'docs',
  usage: USAGE['docs'],
  run: async ([file]) => {
    const p = needProject(file);
    // Page by page (issue 16): no one answer holds a 100,000-document project; the list is the same.
    const all: DocumentSummary[] = [];
    for (let total = Infinity; all.length < total;) {
      const page = await call(p, 'pageDocuments', { offset: all.length, limit: MAX_DOCUMENT_PAGE });
      total = page.total;
      all.push(...page.rows);
      if (page.rows.length === 0) break;
    }
    const rows = all.map((d) => ({
      id: d.id,
      title: d.title,
      chars: d.chars,
      claims: d.claims,
      words: d.words,
      source: d.source,
      author: d.author,
      published: d.published,
      format: d.format,
    }));
    return {
      json: rows,
      text: rows.length ? table(rows.map((d) => [d.id, d.title, d.chars, d.claims])) : 'No documents.',
    };
  },
};

export const show: Command = {
  name: 'show',
  usage: USAGE['show'],
  run: async ([file, id]) => {
    const p = needProject(file);
    const d = await call(p, 'getDocument', { id: positiveInt(id, 'docId') });
    const json = { ...d, chars: codePointLength(d.text) };
    const byline = [d.source, d.author, d.published].filter(Boolean).join(' · ');
    return { json, text: `${d.title}\n${byline}\n\n${d.text}` };
  },
};

export const domains: Command = {
  name: 'domains',
  usage: USAGE['domains'],
  run: async ([file]) => {
    const p = needProject(file);
    const ds = (await call(p, 'listDomains', {})).map((d) => ({
      id: d.id,
      name: d.name,
      color: d.color,
      description: d.description,
      parentId: d.parentId,
      claims: d.claims,
      documents: d.documents,
    }));
    return { json: ds, text: table(ds.map((d) => [d.id, d.name, d.claims])) };
  },
};

export const serve: Command = {
  name: 'serve',
  usage: USAGE['serve'],
  run: async ([file], v) => {
    const dataDir = v['data-dir'] ?? process.env.DOSSIER_DATA_DIR ?? defaultDataDir();
    // A session over the data folder: the named project, else the last one (the sample only on a first start);
    // the page's project menu switches it.
    const session = startSession(dataDir, { file: file ? path.resolve(file) : undefined });
    const p = session.project;
    if (p.readOnly)
      process.stderr.write(`dossier: ${p.path} is open read-only (${p.readOnly}): changes cannot be saved\n`);
    const port = v.port ? positiveInt(v.port, '--port') : undefined;
    // The web door, loaded only by the command that serves.
    const { startWebServer } = await import('../../web/server');
    const { defaultWebRoot } = await import('../../web/webRoot');
    const webRoot = defaultWebRoot();
    let server;
    try {
      server = await startWebServer({ session, webRoot, port });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === undefined) throw error;
      process.stderr.write(`dossier: port ${port} is busy; using a free port instead\n`);
      server = await startWebServer({ session, webRoot });
    }
    if (v.json) {
      process.stdout.write(
        `${JSON.stringify({ url: server.url, port: server.port, token: server.token, project: p.path })}\n`,
      );
    } else {
      process.stdout.write(`Dossier is serving ${p.name} (${p.path})\nOpen ${server.url}\n`);
    }
    return null;
  },
};
