/**
 * The built HTML as the search index reads it. Astro writes tables with no space between cells,
 * and Pagefind joins the text of adjacent cells, so excerpts read "Kind of sourceSourcesShare".
 * A space after each cell, row and table part separates them in the index; the HTML readers get
 * is unchanged (whitespace between table cells is not rendered anyway).
 */
export function separateTableCells(html: string): string {
  return html.replace(/<\/(th|td|tr|caption|thead|tbody|tfoot)>(?=<)/g, '</$1> ');
}
