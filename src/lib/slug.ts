import GithubSlugger from 'github-slugger';

/** The id a heading gets from its text: the same rule GitHub and Astro use. */
export function slugify(text: string): string {
  return new GithubSlugger().slug(text);
}

/** A slugger that de-duplicates ("overview", "overview-1") within one document. */
export function createSlugger(): { slug(text: string): string } {
  const slugger = new GithubSlugger();
  return { slug: (text: string) => slugger.slug(text) };
}

/** Ids an author may set by hand: lowercase letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
