import { htmlToText, nodeToText } from './blocks';
import { capDepth } from './domDepth';
import { linkedom, readability } from './libraries';

export interface HtmlDoc {
  text: string;
  title: string;
  author: string;
  published: string;
  source: string;
  url: string;
  meta: Record<string, string>;
}

/**
 * Extracts the article of a saved web page with Mozilla Readability on linkedom. linkedom never runs scripts
 * or loads resources, so nothing in the page executes or is fetched. linkedom parses without recursion; the
 * tree is bounded in depth (domDepth.ts) before Readability, which slows down sharply with depth, walks it.
 */
export function extractHtml(html: string): HtmlDoc {
  const { document } = linkedom().parseHTML(html);
  capDepth(document.documentElement);
  const pageTitle = (document.title ?? '').trim();
  const lang = document.documentElement?.getAttribute('lang') ?? '';
  // Where the page came from, as the page itself says (recorded only; nothing is fetched).
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    '';
  // Readability mutates the DOM; the fallback text is taken from a second, untouched parse.
  const article = new (readability().Readability)(document as unknown as Document, {
    charThreshold: 200,
  }).parse();
  let text = article?.content ? htmlToText(article.content) : '';
  if (text.trim() === '') {
    const fresh = linkedom().parseHTML(html).document;
    capDepth(fresh.documentElement);
    text = fresh.body ? nodeToText(fresh.body as never) : '';
  }
  const meta: Record<string, string> = {};
  const put = (k: string, v: string | null | undefined): void => {
    const t = (v ?? '').replace(/\s+/g, ' ').trim();
    if (t) meta[k] = t;
  };
  put('title', article?.title || pageTitle);
  put('byline', article?.byline);
  put('siteName', article?.siteName);
  put('publishedTime', article?.publishedTime);
  put('lang', article?.lang || lang);
  put('excerpt', article?.excerpt);
  put('dir', article?.dir);
  return {
    text,
    title: meta.title ?? '',
    author: meta.byline ?? '',
    published: meta.publishedTime ?? '',
    source: meta.siteName ?? '',
    url: /^https?:\/\//i.test(url.trim()) ? url.trim() : '',
    meta,
  };
}
