import { describe, expect, it } from 'vitest';
import { shouldCancelDrag } from '../../../renderer/src/dropGuard';

// The decision only; tests/e2e/drop-guard.spec.ts drives the installed guard in Chromium.
describe('what the window-wide drop guard cancels', () => {
  it('cancels files dragged anywhere that did not take them, text fields included', () => {
    expect(shouldCancelDrag({ handled: false, carriesFiles: true, overTextEntry: false })).toBe(true);
    expect(shouldCancelDrag({ handled: false, carriesFiles: true, overTextEntry: true })).toBe(true);
  });

  it('cancels links and text dropped outside text fields (Chromium would open a dropped link)', () => {
    expect(shouldCancelDrag({ handled: false, carriesFiles: false, overTextEntry: false })).toBe(true);
  });

  it('leaves text dropped into a text field to the browser', () => {
    expect(shouldCancelDrag({ handled: false, carriesFiles: false, overTextEntry: true })).toBe(false);
  });

  it('leaves alone what a drop zone already took (the Library import, codebook rows)', () => {
    for (const carriesFiles of [true, false])
      for (const overTextEntry of [true, false])
        expect(shouldCancelDrag({ handled: true, carriesFiles, overTextEntry })).toBe(false);
  });
});
