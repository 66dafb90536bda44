import type { ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../shared/api';

export type AutocodeHit = MethodOutput<'autocodeSearch'>['hits'][number];
export type AutocodeUnit = NonNullable<MethodInput<'autocodeSearch'>['unit']>;

export const UNIT_LABELS: Record<AutocodeUnit, string> = {
  hit: 'The hit only',
  sentence: 'Its sentence',
  paragraph: 'Its paragraph',
  words: 'Words around',
};

/** What the Tag button calls the passages it makes. */
export function unitNoun(unit: AutocodeUnit, n: number): string {
  const one = { hit: 'hit', sentence: 'sentence', paragraph: 'paragraph', words: 'passage' }[unit];
  return n === 1 ? one : `${one}s`;
}

/**
 * One preview row: exactly the span that becomes the claim (outlined), the hits inside it marked, a little muted
 * context outside it; a row that holds several hits says they make one claim.
 */
export function AutocodePassage(props: { hit: AutocodeHit }): ReactNode {
  const { hit } = props;
  const marks = hit.marks ?? [{ start: hit.start, end: hit.end }];
  const pieces: ReactNode[] = [];
  let at = hit.start;
  for (const m of marks) {
    if (m.start > at) pieces.push(hit.match.slice(at - hit.start, m.start - hit.start));
    pieces.push(<mark key={m.start}>{hit.match.slice(m.start - hit.start, m.end - hit.start)}</mark>);
    at = m.end;
  }
  if (at < hit.end) pieces.push(hit.match.slice(at - hit.start));
  return (
    <>
      <span className="muted">…{hit.before}</span>
      <span className="ac-passage" data-testid="ac-passage">
        {pieces}
      </span>
      <span className="muted">{hit.after}…</span>
      {marks.length > 1 && (
        <span className="badge" title="Their passages overlap: they make one claim">
          {marks.length} hits · one claim
        </span>
      )}
    </>
  );
}
