/**
 * Which section of a page the reader is in, from where its headings are on screen: the contents
 * list marks that section (src/scripts/toc-spy.ts measures, this decides).
 */

export interface ReadingPosition {
  /** Each heading's top edge relative to the viewport, in document order. */
  headingTops: readonly number[];
  /** A heading that has risen to this line (px from the viewport top) starts the current section. */
  readingLine: number;
  /** The viewport's height, for the page's end. */
  viewportHeight: number;
  /** The page is scrolled to its end, so headings below the line can rise no further. */
  atEnd: boolean;
}

/**
 * Index of the current section: the last heading at or above the reading line, or -1 while the
 * reader is still above the first one. At the end of the page, the last heading on screen wins,
 * so a short final section can still be marked.
 */
export function currentSectionIndex({ headingTops, readingLine, viewportHeight, atEnd }: ReadingPosition): number {
  let current = -1;
  headingTops.forEach((top, i) => {
    if (top <= readingLine) current = i;
  });
  if (atEnd) {
    for (let i = headingTops.length - 1; i > current; i--) {
      if (headingTops[i]! < viewportHeight) return i;
    }
  }
  return current;
}
