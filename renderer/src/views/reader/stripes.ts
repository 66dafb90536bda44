// Margin stripes are placed from the layout the browser has already done: a ResizeObserver reports each block
// once it is laid out (on mount, and whenever its size changes), and its callback runs after layout and before
// paint, so reading the highlights' rectangles there costs no extra layout and the stripes show in the same
// frame as the text. Reads for every block come first, writes after, so one write never invalidates the next read.

interface Extent {
  top: number;
  bottom: number;
}

/** Vertical extent of each claim's highlights in a block, relative to the block's top. */
function claimExtents(block: HTMLElement): Map<number, Extent> {
  const base = block.getBoundingClientRect().top;
  const extent = new Map<number, Extent>();
  for (const span of block.querySelectorAll<HTMLElement>('[data-claims]')) {
    const r = span.getBoundingClientRect();
    for (const id of (span.dataset.claims ?? '').split(' ').map(Number)) {
      const e = extent.get(id);
      if (e) {
        e.top = Math.min(e.top, r.top - base);
        e.bottom = Math.max(e.bottom, r.bottom - base);
      } else extent.set(id, { top: r.top - base, bottom: r.bottom - base });
    }
  }
  return extent;
}

/** Sets each stripe's top and height (the only properties React leaves to us) from its claim's highlights. */
export function placeStripes(blocks: Iterable<HTMLElement>): void {
  const measured: [HTMLElement, Map<number, Extent>][] = [];
  for (const block of blocks)
    if (block.isConnected && block.querySelector('[data-stripe]'))
      measured.push([block, claimExtents(block)]);
  for (const [block, extents] of measured)
    for (const stripe of block.querySelectorAll<HTMLElement>('[data-stripe]')) {
      const e = extents.get(Number(stripe.dataset.stripe));
      stripe.style.top = `${e ? e.top : 0}px`;
      stripe.style.height = `${e ? Math.max(4, e.bottom - e.top) : 0}px`;
    }
}

/** One observer for all the blocks of a text: each delivery places the stripes of every block it reports. */
export function stripeObserver(): ResizeObserver {
  return new ResizeObserver((entries) => placeStripes(entries.map((e) => e.target as HTMLElement)));
}
