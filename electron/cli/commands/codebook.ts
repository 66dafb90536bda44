import fs from 'node:fs';
import path from 'node:path';
import { toCodePointOffset } from '../../../shared/text';
import { autocodeApply, autocodeSearch, DEFAULT_HIT_LIMIT } from '../../core/autocode';
import {
  addDomain,
  deleteDomain,
  getCodebookDomain,
  mergeDomains,
  mergeTemplate,
  previewDelete,
  previewMerge,
  updateDomain,
} from '../../core/codebook';
import { getDocumentText } from '../../core/documents';
import {
  domainIdsByName,
  exportTemplate,
  loadTemplate,
  readTemplateFile,
  templatesDir,
} from '../../core/domains';
import { DossierError } from '../../core/errors';
import { getSettings, updateSettings } from '../../core/settings';
import { type Command, needProject, positiveInt, table, UsageError } from '../command';
import { writeFileAtomic } from '../../core/atomicWrite';

const DOMAIN_USAGE = [
  'dossier domain add <project> <name> [--parent <name>] [--color #rrggbb] [--description <text>]',
  'dossier domain rename <project> <name> <new name>',
  'dossier domain merge <project> <source> <target> [--dry-run]',
  'dossier domain delete <project> <name> [--dry-run] [--force]   (--force also deletes claims left with no domain)',
];

export const domain: Command = {
  name: 'domain',
  usage: DOMAIN_USAGE.join('\n  '),
  run: ([action, file, ...rest], v) => {
    if (!action || !['add', 'rename', 'merge', 'delete'].includes(action))
      throw new UsageError(`name an action: add, rename, merge or delete\n${DOMAIN_USAGE.join('\n')}`);
    const p = needProject(file);
    const byName = (name: string | undefined, what: string) => {
      if (!name) throw new UsageError(`name the ${what}`);
      return domainIdsByName(p.db, [name])[0];
    };
    if (action === 'add') {
      if (!rest[0]) throw new UsageError('name the domain to add');
      const d = addDomain(p.db, {
        name: rest[0],
        color: v.color,
        description: v.description,
        parentId: v.parent ? byName(v.parent, 'parent domain') : null,
      });
      return { json: d, text: `Added domain ${d.id} "${d.name}"` };
    }
    if (action === 'rename') {
      const id = byName(rest[0], 'domain to rename');
      if (!rest[1]) throw new UsageError('give the new name');
      const d = updateDomain(p.db, { id, name: rest[1] });
      return { json: d, text: `Renamed domain ${d.id} to "${d.name}"` };
    }
    if (action === 'merge') {
      const source = byName(rest[0], 'source domain');
      const target = byName(rest[1], 'target domain');
      const preview = v['dry-run'] ? previewMerge(p.db, source, target) : mergeDomains(p.db, source, target);
      const json = {
        ...preview,
        applied: !v['dry-run'],
        domain: v['dry-run'] ? null : getCodebookDomain(p.db, target),
      };
      return {
        json,
        text: `${v['dry-run'] ? 'Would merge' : 'Merged'} "${preview.source.name}" into "${preview.target.name}": ${preview.claims} claims (${preview.alreadyInTarget} already in the target), ${preview.children} sub-domains`,
      };
    }
    const id = byName(rest[0], 'domain to delete');
    if (v['dry-run']) {
      const preview = previewDelete(p.db, id);
      return {
        json: { ...preview, applied: false, deletedClaims: 0 },
        text: `Deleting "${preview.domain.name}" would take it off ${preview.claims} claims; ${preview.claimsWithoutOtherDomain} of them have no other domain and would be deleted (--force).`,
      };
    }
    const preview = previewDelete(p.db, id);
    if (preview.claimsWithoutOtherDomain > 0 && !v.force) {
      throw new DossierError(
        'conflict',
        `${preview.claimsWithoutOtherDomain} of the ${preview.claims} claims tagged with "${preview.domain.name}" have no other domain: add --force to delete them with the domain`,
      );
    }
    const r = deleteDomain(p.db, id, { deleteClaims: v.force });
    return {
      json: { ...r, applied: true },
      text: `Deleted domain "${r.domain.name}": ${r.claims} claims lost it, ${r.deletedClaims} claims deleted`,
    };
  },
};

export const autocode: Command = {
  name: 'autocode',
  usage:
    'dossier autocode <project> --pattern <text> [--regex] [--case-sensitive] [--whole-word] [--doc <id>] --domain <name>… [--note <text>] [--limit N] [--dry-run]',
  run: async ([file], v) => {
    const p = needProject(file);
    if (!v.pattern) throw new UsageError('--pattern is required');
    if (!v['dry-run'] && !v.domain?.length)
      throw new UsageError('at least one --domain is required (or --dry-run)');
    const domainIds = v.domain?.length ? domainIdsByName(p.db, v.domain) : [];
    const limit = v.limit ? positiveInt(v.limit, '--limit') : DEFAULT_HIT_LIMIT;
    const s = await autocodeSearch(p.db, {
      pattern: v.pattern,
      regex: v.regex,
      caseSensitive: v['case-sensitive'],
      wholeWord: v['whole-word'],
      docId: v.doc?.[0] ? positiveInt(v.doc[0], '--doc') : undefined,
      limit,
    });
    if (s.truncated && !v['dry-run'])
      throw new UsageError(
        `found ${s.total} hits, more than --limit ${limit}: raise --limit or narrow the pattern`,
      );
    const applied =
      v['dry-run'] || s.hits.length === 0
        ? null
        : autocodeApply(p.db, { hits: s.hits, domainIds, note: v.note });
    // The CLI counts positions in code points.
    const texts = new Map<number, string>();
    const cp = (docId: number, offset: number) => {
      if (!texts.has(docId)) texts.set(docId, getDocumentText(p.db, docId));
      return toCodePointOffset(texts.get(docId) as string, offset);
    };
    const hits = s.hits.map((h) => ({ ...h, start: cp(h.docId, h.start), end: cp(h.docId, h.end) }));
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

export const codebook: Command = {
  name: 'codebook',
  usage:
    'dossier codebook export <project> [--out <file.json>] | dossier codebook apply <project> <template name | file.json>',
  run: ([action, file, source], v) => {
    const p = needProject(file);
    if (action === 'export') {
      const t = exportTemplate(p.db, p.name, '');
      const text = `${JSON.stringify(t, null, 2)}\n`;
      if (v.out) writeFileAtomic(v.out, text);
      return {
        json: v.out ? { path: path.resolve(v.out), domains: t.domains.length } : t,
        text: v.out ? `Wrote ${v.out}` : text.trimEnd(),
      };
    }
    if (action === 'apply') {
      if (!source) throw new UsageError('name a template or a .json file');
      const t =
        source.endsWith('.json') && fs.existsSync(source)
          ? readTemplateFile(source)
          : loadTemplate(source, templatesDir());
      const r = mergeTemplate(p.db, t);
      return { json: r, text: `Added ${r.created.length} domains; ${r.existing.length} were already there` };
    }
    throw new UsageError('name an action: export or apply');
  },
};

export const analyst: Command = {
  name: 'analyst',
  usage: 'dossier analyst <project> [<name>]   (shows or sets the analyst recorded on claims and edits)',
  run: ([file, name]) => {
    const p = needProject(file);
    const s = name === undefined ? getSettings(p.db) : updateSettings(p.db, { analyst: name });
    return { json: s, text: s.analyst ? `Analyst: ${s.analyst}` : 'No analyst set.' };
  },
};
