import { withoutIgnoredContent } from './search-sections.ts';
/**
 * The built HTML as the search index reads it. Astro writes tables with no space between cells,
 * and Pagefind joins the text of adjacent cells, so excerpts read "Kind of sourceSourcesShare".
 * A space after each cell, row and table part separates them in the index; the HTML readers get
 * is unchanged (whitespace between table cells is not rendered anyway).
 */
export function separateTableCells(html: string): string {
  return html.replace(/<\/(th|td|tr|caption|thead|tbody|tfoot)>(?=<)/g, '</$1> ');
}

/**
 * Citation markers ("[1, 2]" after a claim) say nothing about a section's subject, and in an
 * excerpt they read as noise ("2026)[ 5][ 5]. Ships..."): the index leaves them out. Readers still
 * get them on the page; the sources they point to are indexed on /sources/.
 */
export function withoutCitationMarkers(html: string): string {
  return html.replace(/<sup class="cite">[\s\S]*?<\/sup>/g, '');
}

/** The page as the search index reads it: table cells apart, citation markers out, ignored parts emptied. */
export function searchableHtml(html: string): string {
  return withoutCitationMarkers(separateTableCells(withoutIgnoredContent(html)));
}
