import type { ReactNode } from 'react';

/** Text with the given spans wrapped in <mark>: React text nodes only, never HTML. */
export function Marked(props: { text: string; marks: { start: number; end: number }[] }): ReactNode {
  const { text } = props;
  const marks = [...props.marks].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
