/**
 * The one popover the site uses for glossary terms and citation markers (src/scripts/popover.ts):
 * what a citation preview holds, read from the reference list, and where the popover goes.
 * Plain TypeScript with no imports, so the browser script stays small.
 */

/** What a citation preview shows of a source; built at build time by sourcePreview() in sources.ts. */
export interface SourcePreview {
  title: string;
  author?: string;
  /** "Reuters, via Deccan Herald" for a republication, else the publisher. */
  origin: string;
  typeLabel: string;
  /** "28 February 2026", "February 2026" or "2026". */
  date: string;
  url: string;
  archive: { href: string; label: string };
  /** The primary document the source is or reports on ("GOV/2025/25"), with the issuer's address when known. */
  document?: { id: string; url?: string };
}

/** The parts of a reference entry, as the popover reads them; empty text where a part is missing. */
export interface ReferenceParts {
  title: string;
  author: string;
  typeLabel: string;
  origin: string;
  date: string;
  url: string;
  archive: { href: string; label: string };
  documentId: string;
  documentUrl: string;
}

/** A preview from a reference entry's parts; undefined when a part every preview needs is missing. */
export function toSourcePreview(p: ReferenceParts): SourcePreview | undefined {
  if (![p.title, p.typeLabel, p.origin, p.date, p.url, p.archive.href, p.archive.label].every(Boolean)) return undefined;
  return {
    title: p.title,
    ...(p.author ? { author: p.author } : {}),
    origin: p.origin,
    typeLabel: p.typeLabel,
    date: p.date,
    url: p.url,
    archive: p.archive,
    ...(p.documentId ? { document: { id: p.documentId, ...(p.documentUrl ? { url: p.documentUrl } : {}) } } : {}),
  };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the popover goes, in viewport coordinates: below the trigger, left-aligned with it and
 * kept `margin` px inside the viewport; above it when there is no room below but room above.
 */
export function placePopover(trigger: Box, size: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, margin = 8): { left: number; top: number } {
  const left = Math.max(margin, Math.min(trigger.left, viewport.width - size.width - margin));
  const below = trigger.bottom + gap;
  const fitsBelow = below + size.height <= viewport.height - margin;
  const fitsAbove = trigger.top - gap - size.height >= margin;
  return { left, top: !fitsBelow && fitsAbove ? trigger.top - gap - size.height : below };
}
