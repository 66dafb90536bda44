import type { ReactNode } from 'react';
import { OcrLanguage } from '../../../shared/api/corpus';

/** What each shipped OCR language is called in Settings. */
const NAMES: Record<OcrLanguage, string> = {
  eng: 'English',
  ukr: 'Ukrainian',
  pol: 'Polish',
  fra: 'French',
  deu: 'German',
};

/**
 * The languages scanned PDFs are recognised in (Settings): each a checkbox, at least one kept. Fewer languages
 * read faster and guess less; choose those of the corpus.
 */
export function OcrLanguagesField(props: {
  value: OcrLanguage[];
  onChange: (next: OcrLanguage[]) => void;
}): ReactNode {
  const toggle = (code: OcrLanguage, on: boolean): void => {
    const next = OcrLanguage.options.filter((c) => (c === code ? on : props.value.includes(c)));
    if (next.length > 0) props.onChange(next);
  };
  return (
    <fieldset className="ocr-languages">
      <legend className="label">Scanned PDFs: recognise text in</legend>
      {OcrLanguage.options.map((code) => (
        <label key={code} className="check">
          <input
            type="checkbox"
            checked={props.value.includes(code)}
            disabled={props.value.length === 1 && props.value.includes(code)}
            onChange={(e) => toggle(code, e.currentTarget.checked)}
          />
          {NAMES[code]}
        </label>
      ))}
    </fieldset>
  );
}
