/**
 * The one popover the site uses for glossary terms and citation markers (src/scripts/popover.ts):
 * what a citation preview holds, read back from the reference list, and where the popover goes.
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

/** Reads a preview back from the JSON the reference list writes; undefined for anything else. */
export function parseSourcePreview(json: string | undefined): SourcePreview | undefined {
  if (!json) return undefined;
  let p: Partial<SourcePreview> | null;
  try {
    p = JSON.parse(json) as Partial<SourcePreview> | null;
  } catch {
    return undefined;
  }
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  const ok = p && text(p.title) && text(p.origin) && text(p.typeLabel) && text(p.date) && text(p.url) && p.archive && text(p.archive.href) && text(p.archive.label);
  return ok ? (p as SourcePreview) : undefined;
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
