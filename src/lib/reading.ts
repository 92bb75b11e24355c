/** Reading-time and word counts for essays, from their Markdown source. */

/** Strips frontmatter, JSX tags, citation markers, link targets and Markdown punctuation. */
export function proseText(markdown: string): string {
  return markdown
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\[\^[^\]]+\]:/gm, ' ')
    .replace(/[#*_|>`[\]-]+/g, ' ');
}

export function wordCount(markdown: string): number {
  return proseText(markdown).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Minutes to read at about 230 words a minute, never less than one. */
export function readingMinutes(markdown: string, wordsPerMinute = 230): number {
  return Math.max(1, Math.round(wordCount(markdown) / wordsPerMinute));
}
