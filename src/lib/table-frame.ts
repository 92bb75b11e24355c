/**
 * The frame every content table sits in (issue 13): it scrolls sideways when the table is wider
 * than the screen, shows a shadow on the side that has more (CSS only, "Wide tables" in
 * global.css), takes keyboard focus so arrow keys scroll it, and is a named region so a screen
 * reader says which table it is in. Used by the Markdown step (src/lib/markdown/tables.ts) and by
 * the components that draw tables (ChartFigure, SourceShares, StockpileReports, the data page).
 */

/** The accessible name of a table's frame: its caption, else its column headings. */
export function tableLabel(caption: string | undefined, columnHeadings: readonly string[]): string {
  const name = caption?.trim();
  if (name) return name;
  const columns = columnHeadings.map((c) => c.trim()).filter(Boolean);
  return columns.length ? `Table: ${columns.join(', ')}` : 'Table';
}

/** The frame's attributes, as Astro spreads them onto a <div>. */
export function tableFrameAttributes(label: string, extraClass?: string): { class: string; role: 'region'; tabindex: 0; 'aria-label': string } {
  return { class: ['table-scroll', extraClass].filter(Boolean).join(' '), role: 'region', tabindex: 0, 'aria-label': label };
}
