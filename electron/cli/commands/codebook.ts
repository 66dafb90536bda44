import fs from 'node:fs';
import path from 'node:path';
import type { AutocodeQuery, CodebookTemplate } from '../../../shared/api/codebook';
import { writeFileAtomic } from '../../core/atomicWrite';
import { ApiError, call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { DOMAIN_USAGE, USAGE } from '../usage';
import { documentTexts } from '../views';
import { toCodePointOffset } from '../../../shared/text';

export const domain: Command = {
  name: 'domain',
  usage: USAGE['domain'],
  run: async ([action, file, ...rest], v) => {
    if (!action || !['add', 'rename', 'merge', 'delete'].includes(action))
      throw new UsageError(`name an action: add, rename, merge or delete\n${DOMAIN_USAGE.join('\n')}`);
    const p = needProject(file);
    const byName = async (name: string | undefined, what: string): Promise<number> => {
      if (!name) throw new UsageError(`name the ${what}`);
      return (await call(p, 'domainIdsByName', { names: [name] }))[0];
    };
    if (action === 'add') {
      if (!rest[0]) throw new UsageError('name the domain to add');
      const d = await call(p, 'createDomain', {
        name: rest[0],
        color: v.color,
        description: v.description,
        parentId: v.parent ? await byName(v.parent, 'parent domain') : null,
      });
      return { json: d, text: `Added domain ${d.id} "${d.name}"` };
    }
    if (action === 'rename') {
      const id = await byName(rest[0], 'domain to rename');
      if (!rest[1]) throw new UsageError('give the new name');
      const d = await call(p, 'updateDomain', { id, name: rest[1] });
      return { json: d, text: `Renamed domain ${d.id} to "${d.name}"` };
    }
    if (action === 'merge') {
      const source = await byName(rest[0], 'source domain');
      const target = await byName(rest[1], 'target domain');
      const ids = { sourceId: source, targetId: target };
      const preview = await call(p, v['dry-run'] ? 'previewMergeDomains' : 'mergeDomains', ids);
      const domain = v['dry-run']
        ? null
        : ((await call(p, 'getCodebook', {})).find((d) => d.id === target) ?? null);
      const json = { ...preview, applied: !v['dry-run'], domain };
      return {
        json,
        text: `${v['dry-run'] ? 'Would merge' : 'Merged'} "${preview.source.name}" into "${preview.target.name}": ${preview.claims} claims (${preview.alreadyInTarget} already in the target), ${preview.children} sub-domains`,
      };
    }
    const id = await byName(rest[0], 'domain to delete');
    if (v['dry-run']) {
      const preview = await call(p, 'previewDeleteDomain', { id });
      return {
        json: { ...preview, applied: false, deletedClaims: 0 },
        text: `Deleting "${preview.domain.name}" would take it off ${preview.claims} claims; ${preview.claimsWithoutOtherDomain} of them have no other domain and would be deleted (--force).`,
      };
    }
    const preview = await call(p, 'previewDeleteDomain', { id });
    if (preview.claimsWithoutOtherDomain > 0 && !v.force) {
      throw new ApiError(
        'conflict',
        `${preview.claimsWithoutOtherDomain} of the ${preview.claims} claims tagged with "${preview.domain.name}" have no other domain: add --force to delete them with the domain`,
      );
    }
    const r = await call(p, 'deleteDomain', { id, deleteClaims: v.force });
    return {
      json: { ...r, applied: true },
      text: `Deleted domain "${r.domain.name}": ${r.claims} claims lost it, ${r.deletedClaims} claims deleted`,
    };
  },
};

/** --context hit|sentence|paragraph|words:N as the API's unit and words. */
function autocodeContext(value: string | undefined): Pick<AutocodeQuery, 'unit' | 'words'> {
  if (value === undefined) return {};
  if (value === 'hit' || value === 'sentence' || value === 'paragraph') return { unit: value };
  const words = /^words(?::(.*))?$/.exec(value);
  if (words)
    return {
      unit: 'words',
      ...(words[1] !== undefined ? { words: positiveInt(words[1], '--context words:N') } : {}),
    };
  throw new UsageError(`--context is hit, sentence, paragraph or words:N (got "${value}")`);
}

export const autocode: Command = {
  name: 'autocode',
  usage: USAGE['autocode'],
  run: async ([file], v) => {
    const p = needProject(file);
    if (!v.pattern) throw new UsageError('--pattern is required');
    if (!v['dry-run'] && !v.domain?.length)
      throw new UsageError('at least one --domain is required (or --dry-run)');
    const domainIds = v.domain?.length ? await call(p, 'domainIdsByName', { names: v.domain }) : [];
    // Without --limit the core's default applies (one place); a truncated search returns exactly that many.
    const limit = v.limit ? positiveInt(v.limit, '--limit') : undefined;
    const s = await call(p, 'autocodeSearch', {
      ...autocodeContext(v.context),
      pattern: v.pattern,
      regex: v.regex,
      caseSensitive: v['case-sensitive'],
      wholeWord: v['whole-word'],
      docId: v.doc?.[0] ? positiveInt(v.doc[0], '--doc') : undefined,
      limit,
    });
    if (s.truncated && !v['dry-run'])
      throw new UsageError(
        `found ${s.total} hits, more than --limit ${limit ?? s.hits.length}: raise --limit or narrow the pattern`,
      );
    const applied =
      v['dry-run'] || s.hits.length === 0
        ? null
        : await call(p, 'autocodeApply', { hits: s.hits, domainIds, note: v.note });
    // The CLI counts positions in code points.
    const textOf = documentTexts(p);
    const hits = [];
    for (const h of s.hits) {
      const text = await textOf(h.docId);
      const cp = (x: { start: number; end: number }) => ({
        start: toCodePointOffset(text, x.start),
        end: toCodePointOffset(text, x.end),
      });
      hits.push({ ...h, ...cp(h), marks: h.marks?.map(cp) });
    }
    const json = {
      pattern: v.pattern,
      total: s.total,
      truncated: s.truncated,
      documents: s.documents,
      hits,
      applied,
    };
    const lines = hits
      .slice(0, 20)
      .map((h) => [
        h.docId,
        h.start,
        `${h.before.slice(-30)}[${h.match}]${h.after.slice(0, 30)}`.replace(/\n/g, ' '),
      ]);
    const summary = applied
      ? `Tagged ${applied.created} new claims, added domains to ${applied.updated}, ${applied.unchanged} unchanged`
      : `${s.total} hits in ${s.documents} documents (dry run: nothing tagged)`;
    return { json, text: `${lines.length ? `${table(lines)}\n` : ''}${summary}` };
  },
};

/** A template file's JSON, checked by the contract when applied; a file that is not JSON says so. */
function readTemplateJson(file: string): CodebookTemplate {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CodebookTemplate;
  } catch (error) {
    throw new ApiError('invalid_input', `${file} is not a JSON file: ${(error as Error).message}`);
  }
}

export const codebook: Command = {
  name: 'codebook',
  usage: USAGE['codebook'],
  run: async ([action, file, source], v) => {
    const p = needProject(file);
    if (action === 'export') {
      const { template: t } = await call(p, 'exportCodebook', {});
      const text = `${JSON.stringify(t, null, 2)}\n`;
      if (v.out) writeFileAtomic(v.out, text);
      return {
        json: v.out ? { path: path.resolve(v.out), domains: t.domains.length } : t,
        text: v.out ? `Wrote ${v.out}` : text.trimEnd(),
      };
    }
    if (action === 'apply') {
      if (!source) throw new UsageError('name a template or a .json file');
      const r = await call(
        p,
        'applyCodebookTemplate',
        source.endsWith('.json') && fs.existsSync(source)
          ? { template: readTemplateJson(source) }
          : { name: source },
      );
      return { json: r, text: `Added ${r.created.length} domains; ${r.existing.length} were already there` };
    }
    throw new UsageError('name an action: export or apply');
  },
};

export const analyst: Command = {
  name: 'analyst',
  usage: USAGE['analyst'],
  run: async ([file, name]) => {
    const p = needProject(file);
    const s = await call(p, name === undefined ? 'getSettings' : 'updateSettings', { analyst: name });
    return { json: s, text: s.analyst ? `Analyst: ${s.analyst}` : 'No analyst set.' };
  },
};
