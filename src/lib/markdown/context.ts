/**
 * What every Markdown step is given: the site's options, the content it checks against, and the
 * state of the document being compiled (shared by its Markdown and its HTML steps). See
 * pipeline.ts for the steps and how to add one.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import type { ContentProblem } from '../content-errors.ts';
import type { SourceEntry } from '../schemas.ts';
import { newCitationState, type CitationState } from './citation-markers.ts';

export interface ExplainerMarkdownOptions {
  /** Every source by key (content/sources.yaml). */
  sources: () => ReadonlyMap<string, SourceEntry>;
  /** Every glossary term id (content/glossary.yaml). */
  glossaryIds: () => ReadonlySet<string>;
  /** Term definitions, carried on each glossary link for the popover that shows them. */
  definitions?: () => ReadonlyMap<string, string>;
  /** Fact id → the keys of its sources (content/facts.yaml), for `<Fact id="…" />`. None by default. */
  factSources?: () => ReadonlyMap<string, readonly string[]>;
  /** The site's base path, '/' or '/explainer/'. */
  base: string;
  /** The site's own origin, e.g. https://example.org: links there are not external. */
  siteOrigin: string;
  /**
   * The component that draws the References list (src/components/ReferenceList.astro), imported
   * by every page that cites. Without it, `<Content components={{ ReferenceList }} />` must provide it.
   */
  referenceListComponent?: string;
  /** Turns an absolute file path into the path shown in messages (default: relative to the working directory). */
  displayPath?: (file: string) => string;
}

/** The content a document is checked against, read once per document. */
export interface Lookups {
  sources: ReadonlyMap<string, SourceEntry>;
  glossaryIds: ReadonlySet<string>;
  definitions: ReadonlyMap<string, string>;
  factSources: ReadonlyMap<string, readonly string[]>;
}

/** One document's state, shared by all its steps (it lives in Sätteri's per-document data bag). */
export interface DocumentState {
  /** The file as messages name it, e.g. content/essays/hormuz.mdx. */
  file: string;
  /** Its absolute path, when the caller gave one. */
  path: string | undefined;
  /** Problems found so far; the stopOnProblems steps throw them all at once. */
  problems: ContentProblem[];
  citations: CitationState;
  /** The page's frontmatter, when the caller (Astro) passes it: heading aliases live there. */
  frontmatter: Record<string, unknown>;
}

export interface StepContext {
  options: ExplainerMarkdownOptions;
  lookups: Lookups;
  doc: DocumentState;
}

export type MdastStep = MdastPluginDefinition;
export type HastStep = HastPluginDefinition;

declare module 'satteri' {
  interface DataMap {
    explainer: DocumentState;
  }
}

export function defaultDisplayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

/** The document's state in Sätteri's data bag, created by whichever step asks first. */
export function documentState(data: Record<string, unknown>, fileURL: URL | undefined, options: ExplainerMarkdownOptions): DocumentState {
  const existing = data.explainer as DocumentState | undefined;
  if (existing) return existing;
  const absolute = fileURL ? fileURLToPath(fileURL) : undefined;
  const astro = data.astro as { frontmatter?: Record<string, unknown> } | undefined;
  const doc: DocumentState = {
    file: absolute ? (options.displayPath ?? defaultDisplayPath)(absolute) : 'unknown file',
    path: absolute,
    problems: [],
    citations: newCitationState(),
    frontmatter: astro?.frontmatter ?? {},
  };
  data.explainer = doc;
  return doc;
}
