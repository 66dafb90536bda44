import type { ReactNode } from 'react';
import type { QdpxPositions } from '../../../../shared/api/exports';

/** The tools each choice is for, in the analyst's words; the unit itself is the detail. */
const CHOICES: { value: QdpxPositions; label: string; detail: string }[] = [
  {
    value: 'codepoints',
    label: 'For QualCoder',
    detail:
      'or Dossier: positions in characters (Unicode code points), as every other Dossier export counts them',
  },
  {
    value: 'utf16',
    label: 'For NVivo, MAXQDA or ATLAS.ti',
    detail: 'positions in UTF-16 code units, the way these tools count',
  },
];

/**
 * Which tool a .qdpx is for: the tools count the positions of coded passages differently once a text holds an
 * emoji or another character outside the Basic Multilingual Plane (code points are the safer default: see
 * INTEROP.md).
 */
export function PositionsChoice(props: {
  value: QdpxPositions;
  onChange: (value: QdpxPositions) => void;
}): ReactNode {
  return (
    <fieldset className="positions-choice">
      <legend>
        Which tool will open it?{' '}
        <span className="muted">Only matters for texts with emoji or rare characters</span>
      </legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="check">
          <input
            type="radio"
            name="qdpx-positions"
            value={c.value}
            checked={props.value === c.value}
            onChange={() => props.onChange(c.value)}
            aria-describedby={`positions-${c.value}`}
          />
          <span>
            {c.label}{' '}
            <span className="muted" id={`positions-${c.value}`}>
              ({c.detail})
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
