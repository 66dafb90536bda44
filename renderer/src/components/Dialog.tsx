import { useRef, type ReactNode, type RefObject } from 'react';
import { useFocusTrap } from './useFocusTrap';

/** A modal dialog card: focus kept inside, Escape closes, a press outside does not, titled by its heading. */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}): ReactNode {
  const card = useRef<HTMLDivElement>(null);
  useFocusTrap(card, { onClose: props.onClose, initialFocus: props.initialFocus, outsidePress: 'keep' });
  const id = `dialog-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="overlay">
      <div
        ref={card}
        className={`overlay-card ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
      >
        <h2 id={id}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
