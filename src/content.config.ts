/**
 * The content collections. Schemas live in src/lib/schemas.ts (shared with `npm run check` and
 * the tests); this file says where each collection's files are.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { essayFrontmatter, pageFrontmatter } from './lib/schemas.ts';

const contentRoot = process.env.SITE_CONTENT_DIR ?? './content';

const essays = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentRoot}/essays` }),
  schema: essayFrontmatter,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentRoot}/pages` }),
  schema: pageFrontmatter,
});

export const collections = { essays, pages };
