import type { Domain } from '../../../shared/api';
import { type Excerpt, type ExcerptDoc, type ExcerptSet, grading } from './excerpts';

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
  /** Slug for links inside the report. */
  anchor: string;
  documents: { doc: ExcerptDoc; entries: ReportEntry[] }[];
  count: number;
}

export interface ReportModel {
  title: string;
  exportedAt: string;
  total: number;
  sections: ReportSection[];
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

/** Excerpts grouped by domain (codebook order), then document (by title), then position in the text. */
export function reportModel(set: ExcerptSet, exportedAt = new Date().toISOString()): ReportModel {
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
  for (const domain of set.domains) {
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
    sections.push({ domain, anchor, documents, count: list.length });
  }
  return {
    title: `${set.projectName} — tagged excerpts`,
    exportedAt,
    total: set.excerpts.length,
    sections,
  };
}
