/**
 * Citations in essays are written `[@source-key]` or `[@key-one; @key-two]` right after the claim.
 * This module finds them in text; the remark plugin turns them into numbered markers and the
 * sources page uses the same scanner to list which essays cite each source.
 */

export interface CitationMatch {
  /** Offset of the opening bracket in the scanned text. */
  start: number;
  /** Offset just past the closing bracket. */
  end: number;
  keys: string[];
  /** The raw text, e.g. "[@a; @b]". */
  raw: string;
  /** Set when the brackets look like a citation but a key is malformed. */
  malformed?: string;
}

const BRACKETED = /\[@([^\]\n]*)\]/g;
const KEY = /^@([a-z0-9]+(?:[-.][a-z0-9]+)*)$/;

export function scanCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const parts = `@${m[1]}`.split(';').map((p) => p.trim());
    const keys: string[] = [];
    let malformed: string | undefined;
    for (const part of parts) {
      const k = KEY.exec(part);
      if (k) keys.push(k[1]!);
      else malformed ??= part;
    }
    matches.push({ start: m.index, end: m.index + m[0].length, keys, raw: m[0], ...(malformed !== undefined ? { malformed } : {}) });
  }
  return matches;
}

/** Every cited key in a document, in order of first citation. */
export function citedKeys(text: string): string[] {
  const seen = new Set<string>();
  for (const m of scanCitations(text)) for (const k of m.keys) seen.add(k);
  return [...seen];
}

/** 1-based line of `offset` within `text`, counted from `firstLine`. */
export function lineAtOffset(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** For each source key, the essays that cite it, in the order given. */
export function citingEssays<T extends { id: string; body?: string | undefined; data: { title: string } }>(essays: T[]): Map<string, { id: string; title: string }[]> {
  const out = new Map<string, { id: string; title: string }[]>();
  for (const e of essays) for (const key of citedKeys(e.body ?? '')) out.set(key, [...(out.get(key) ?? []), { id: e.id, title: e.data.title }]);
  return out;
}
