import type { Domain } from '../../../shared/api';
import { type CodebookNode, codebookOrder, codebookTree } from './codebookTree';
import { type Excerpt, type ExcerptDoc, type ExcerptSet, grading } from './excerpts';
import type { ReportMemo } from './reportMemos';

export interface ReportEntry {
  excerpt: Excerpt;
  doc: ExcerptDoc;
  /** "Title — Source, date, p. 3" (PDF) or "…, ¶ 12" (paragraph number otherwise). */
  citation: string;
  /** Actor, stance, grading, analyst when set: "actor: NATO · stance: supports · B2". */
  details: string;
}

export interface ReportSection {
  domain: Domain;
  /** 0 for a top-level domain of the codebook. */
  depth: number;
  /** Slug for links inside the report. */
  anchor: string;
  documents: { doc: ExcerptDoc; entries: ReportEntry[] }[];
  count: number;
}

/** A domain of the report's outline: one with excerpts (`section`), or a parent of one (null). */
export interface OutlineEntry {
  domain: Domain;
  depth: number;
  section: ReportSection | null;
}

export interface ReportModel {
  title: string;
  projectName: string;
  exportedAt: string;
  total: number;
  /** Domains with excerpts, in codebook order (each parent before its children). */
  sections: ReportSection[];
  /** `sections` with the parents they need to show the codebook's hierarchy, in the same order. */
  outline: OutlineEntry[];
  /** The export's filters in words ("Domains: Training"); empty when everything is exported. */
  filters: string[];
  /** Documents the excerpts come from. */
  documents: number;
  /** Memos, when the export includes them (reportMemos.ts). */
  memos?: ReportMemo[];
}

export function locator(e: Excerpt, doc: ExcerptDoc): string {
  return e.page !== null ? `p. ${e.page}` : `¶ ${doc.paragraph(e.start)}`;
}

export function citation(e: Excerpt, doc: ExcerptDoc): string {
  const where = [doc.source, doc.published, locator(e, doc)].filter(Boolean).join(', ');
  return `${doc.title} — ${where}`;
}

function details(e: Excerpt): string {
  const parts: string[] = [];
  if (e.actor) parts.push(`actor: ${e.actor}`);
  if (e.stance) parts.push(`stance: ${e.stance}`);
  const g = grading(e);
  if (g) parts.push(`grading: ${g}`);
  if (e.analyst) parts.push(`analyst: ${e.analyst}`);
  return parts.join(' · ');
}

/**
 * Excerpts grouped by domain (codebook order, each parent before its children), then document (by title), then
 * position in the text.
 */
export function reportModel(
  set: ExcerptSet,
  exportedAt = new Date().toISOString(),
  filters: string[] = [],
): ReportModel {
  const byDomain = new Map<number, Excerpt[]>();
  for (const e of set.excerpts) {
    for (const d of e.domainIds) {
      const list = byDomain.get(d);
      if (list) list.push(e);
      else byDomain.set(d, [e]);
    }
  }
  const taken = new Set<string>();
  const sections: ReportSection[] = [];
  const sectionOf = new Map<number, ReportSection>();
  const nodes = codebookOrder(codebookTree(set.domains));
  for (const { domain, depth } of nodes) {
    const list = byDomain.get(domain.id);
    if (!list) continue;
    const byDoc = new Map<number, ReportEntry[]>();
    for (const e of list) {
      const doc = set.docs.get(e.docId) as ExcerptDoc;
      const entry = { excerpt: e, doc, citation: citation(e, doc), details: details(e) };
      const entries = byDoc.get(e.docId);
      if (entries) entries.push(entry);
      else byDoc.set(e.docId, [entry]);
    }
    const documents = [...byDoc.values()]
      .map((entries) => ({ doc: entries[0].doc, entries }))
      .sort((a, b) => a.doc.title.localeCompare(b.doc.title) || a.doc.id - b.doc.id);
    let anchor = `domain-${domain.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    while (taken.has(anchor)) anchor += '-';
    taken.add(anchor);
    const section = { domain, depth, anchor, documents, count: list.length };
    sections.push(section);
    sectionOf.set(domain.id, section);
  }
  return {
    title: `${set.projectName} — tagged excerpts`,
    projectName: set.projectName,
    exportedAt,
    total: set.excerpts.length,
    sections,
    outline: outlineOf(nodes, sectionOf),
    filters,
    documents: new Set(set.excerpts.map((e) => e.docId)).size,
  };
}

/** The domains with excerpts and every ancestor of one, in codebook order. */
function outlineOf(nodes: CodebookNode[], sectionOf: Map<number, ReportSection>): OutlineEntry[] {
  const needed = new Set<number>();
  const mark = (n: CodebookNode): boolean => {
    let any = sectionOf.has(n.domain.id);
    for (const c of n.children) any = mark(c) || any;
    if (any) needed.add(n.domain.id);
    return any;
  };
  for (const n of nodes) if (n.depth === 0) mark(n);
  return nodes
    .filter((n) => needed.has(n.domain.id))
    .map((n) => ({ domain: n.domain, depth: n.depth, section: sectionOf.get(n.domain.id) ?? null }));
}
