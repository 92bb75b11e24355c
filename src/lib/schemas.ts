/**
 * What content looks like. Every file under content/ is checked against one of these schemas when
 * the site builds (and by `npm run check`). src/content.config.ts declares the collections with
 * the same schemas, so there is one definition of each.
 */
import { z } from 'zod';
import { isCalendarDay, isCalendarMonth, isoDay, parseDay } from './dates.ts';
import { ID_PATTERN } from './slug.ts';
import { isPlaceholderTitle, trackingParametersIn } from './source-rules.ts';

import { TOPICS } from './topics.ts';
export { TOPICS, TOPIC_LABELS, type Topic } from './topics.ts';

/**
 * A calendar date written YYYY-MM-DD. YAML parsers may hand us a Date or a string; both are
 * normalised to a string first so that "2026-02-30" is caught rather than rolled over.
 */
export const calendarDay = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDay(v) : v),
  z
    .string({ error: 'a date written YYYY-MM-DD, such as 2026-11-21' })
    .refine(isCalendarDay, { message: 'a real calendar date written YYYY-MM-DD, such as 2026-11-21' })
    .transform(parseDay),
);

/** A date written YYYY-MM-DD, or YYYY-MM where only the month is known (kept as text). */
export const dayOrMonth = z
  .string({ error: 'a date written YYYY-MM-DD or YYYY-MM' })
  .refine((s) => isCalendarDay(s) || isCalendarMonth(s), {
    message: 'a real date written YYYY-MM-DD, or YYYY-MM when only the month is known',
  });

export const slugId = z
  .string({ error: 'an id of lowercase letters, digits and hyphens' })
  .regex(ID_PATTERN, { message: 'an id of lowercase letters, digits and single hyphens, such as "breakout-time"' });

export const essayFrontmatter = z
  .object({
    title: z.string({ error: 'a title (text)' }).min(3).max(120),
    summary: z
      .string({ error: 'a one-sentence summary (text)' })
      .min(20)
      .max(260)
      .refine((s) => !/[.!?]\s+[A-Z]/.test(s.trim()), { message: 'a single sentence (the summary has more than one)' }),
    published: calendarDay,
    updated: calendarDay,
    topics: z.array(z.enum(TOPICS)).min(1),
    order: z.number({ error: 'a whole number giving the essay\'s place in reading order' }).int().min(1),
    draft: z.boolean({ error: 'true or false' }).optional(),
    /** Old section ids that must keep landing on a section: { old-id: current-id }. */
    aliases: z.record(slugId, slugId).optional(),
    /** Updates and corrections after publication, each with its date and a line on what changed. */
    revisions: z
      .array(z.object({ date: calendarDay, note: z.string({ error: 'a line saying what changed' }).min(10).max(300) }).strict())
      .optional(),
  })
  .strict()
  .refine((e) => !(e.updated instanceof Date && e.published instanceof Date) || e.updated.getTime() >= e.published.getTime(), {
    message: 'an "updated" date on or after the "published" date',
    path: ['updated'],
  })
  .refine((e) => !e.revisions?.length || !(e.updated instanceof Date) || e.revisions.every((r) => r.date instanceof Date && r.date.getTime() <= e.updated.getTime() && r.date.getTime() >= e.published.getTime()), {
    message: 'revision dates between "published" and "updated" (set "updated" to the latest revision)',
    path: ['revisions'],
  });
export type EssayFrontmatter = z.output<typeof essayFrontmatter>;

/** Prose pages under content/pages (about, start here). */
export const pageFrontmatter = z
  .object({
    title: z.string().min(3).max(120),
    summary: z.string().min(20).max(260),
    updated: calendarDay,
  })
  .strict();

const httpUrl = z
  .string({ error: 'a web address starting with https://' })
  .refine((u) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(u), { message: 'a web address starting with https://' });

/**
 * What kind of source an entry is, so a reader sees at a glance what stands behind a claim.
 * Labels for readers live in src/lib/sources.ts (SOURCE_TYPE_LABELS).
 */
export const SOURCE_TYPES = [
  'official-document', // a report or text issued by a government or international body (IAEA report, EIA analysis, UN resolution)
  'official-statement', // a statement, briefing or post by a government or its officials
  'wire', // a wire agency's report (Reuters, AP, AFP, dpa, EFE, Anadolu…), on its own site or carried by another
  'news', // a newspaper, magazine or broadcaster
  'research', // a research institute or think tank
  'state-media', // state-run or state-aligned media (IRNA, Tasnim, Mehr, Press TV…)
  'other', // anything else: trade press, blogs, aggregators (a lead, rarely a source)
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A web address as a reader may be sent to it: no tracking parameters (list in source-rules.ts). */
const cleanUrl = httpUrl.superRefine((u, ctx) => {
  const tracking = trackingParametersIn(u);
  if (tracking.length) {
    ctx.addIssue({ code: 'custom', input: u, message: `the page's address without tracking parameters (remove ${tracking.map((t) => `"${t}"`).join(', ')})` });
  }
});

export const sourceEntry = z
  .object({
    title: z
      .string({ error: 'the title of the source (text)' })
      .min(3)
      .refine((t) => !isPlaceholderTitle(t), { message: "the page's own title, as the page shows it (a headline's own typo kept and marked [sic]), not a placeholder" }),
    /** What kind of source it is; labels for readers are in src/lib/sources.ts. */
    type: z.enum(SOURCE_TYPES, {
      error: (issue) => `one of ${SOURCE_TYPES.map((t) => `"${t}"`).join(', ')}${issue.input === undefined ? ' (this field is required)' : ''}`,
    }),
    /** Who wrote it. For a republication: the original outlet (e.g. Reuters), with the carrier in `via`. */
    publisher: z.string({ error: 'the publisher or organisation (text)' }).min(2),
    /** The site whose copy was read, when it republished another outlet's report (e.g. "Hamodia"). */
    via: z.string().min(2).optional(),
    /**
     * The primary document this source is, or reports on: its identifier (an IAEA report's GOV
     * number) and the issuer's own address for it (or the issuer's page that lists it). The address
     * is left out when none at the issuer has been seen: the site then names the document unlinked.
     */
    document: z.object({ id: z.string().min(2), url: cleanUrl.optional() }).strict().optional(),
    /** An archived copy actually seen (Wayback Machine address); otherwise the site links a lookup. */
    archived: cleanUrl.optional(),
    /** Keys of entries this one replaced or absorbed: their /sources/#key addresses land here. */
    replaces: z.array(z.string().min(3)).optional(),
    author: z.string().min(2).optional(),
    date: z.preprocess(
      // YAML reads a bare year as a number and a full date as a Date: both are normalised to text.
      (v) => (v instanceof Date ? isoDay(v) : typeof v === 'number' ? String(v) : v),
      z.string({ error: 'a date written YYYY-MM-DD, YYYY-MM or YYYY' }).refine((s) => isCalendarDay(s) || isCalendarMonth(s) || /^\d{4}$/.test(s), {
        message: 'a publication date written YYYY-MM-DD, YYYY-MM or YYYY',
      }),
    ),
    url: cleanUrl,
    accessed: calendarDay,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.via !== undefined && s.via.trim().toLowerCase() === s.publisher.trim().toLowerCase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        input: s.via,
        message: `a "via" naming the site that republished the report, other than the publisher "${s.publisher}" (leave "via" out when the copy was read at the publisher's own site)`,
      });
    }
  });
export type SourceEntry = z.output<typeof sourceEntry> & { key: string };

export const glossaryEntry = z
  .object({
    id: slugId,
    term: z.string().min(2),
    aka: z.array(z.string().min(1)).optional(),
    definition: z.string().min(20).max(700),
    related: z.array(slugId).optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict();
export type GlossaryEntry = z.output<typeof glossaryEntry>;
