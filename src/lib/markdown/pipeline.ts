/**
 * The site's Markdown conventions, as plugins for Sätteri (Astro's Markdown processor). Every essay
 * and page goes through these steps, in this order; each sees the tree as the one before left it.
 *
 *   Markdown tree (mdast), where source lines are known:
 *     headingIds       headings.ts    `## Heading {/* #my-id *\/}` pins an id; else the slug of the text
 *     citations        references.ts  `[@key]`, `[@a; @b]` → numbered markers; `<Fact id>` → its sources
 *     siteLinks        links.ts       `[term](glossary:id)` → glossary link; `/…` links get the base path
 *     typesetting      typesetting.ts "20%" → "20 %", no-break spaces between numbers and units
 *     stopOnProblems                  one ContentValidationError listing every problem found above
 *   HTML tree (hast):
 *     references       references.ts  the References heading at the end, and the list (drawn by ReferenceList.astro)
 *     externalLinks    links.ts       links to other sites open in a new tab and say so
 *     sectionHeadings  headings.ts    one quiet "#" control (menu: copy link, cite) after every h2/h3; aliases
 *     tableFrames      tables.ts      every table in a scroll frame that shows there is more (table-frame.ts)
 *     stopOnProblems
 *
 * Smart punctuation (curly quotes, dashes, ellipses) is Sätteri's own, switched on by Astro.
 *
 * To add a step (a typesetting pass, quieter heading controls, citation previews…):
 * 1. Write it in a module here as a function `(step: StepContext) => MdastStep` (or `HastStep`):
 *    a Sätteri plugin definition, `{ name, <node type>(node, ctx) {…} }` for Markdown trees or
 *    `{ name, element: { filter: ['a'], visit(node, ctx) {…} } }` for HTML trees, with optional
 *    `before`/`after` hooks. It is called once per document, so closures hold per-document state;
 *    `step.doc` holds what steps share (citation numbers, frontmatter) and `step.lookups` the
 *    content (sources, glossary, facts). Sätteri's API: node_modules/satteri/dist/**.d.ts.
 * 2. Add it to MDAST_STEPS or HAST_STEPS below, before the steps that should see its output.
 *    Work on the Markdown tree when you need source lines or Markdown structure, on the HTML tree
 *    for markup. Change nodes only through `ctx` (setProperty, replaceNode…) or by returning a
 *    replacement; nodes passed to visitors are read-only.
 * 3. Report a bad edit by pushing `{ file: step.doc.file, line, field, found, expected }` to
 *    `step.doc.problems`; never throw from a step, so one build lists every problem at once.
 * 4. Test it through renderMdx() in tests/unit/support/render-mdx.ts, as tests/unit/markdown.test.ts does.
 */
import type { HastPluginEntry, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { ContentValidationError } from '../content-errors.ts';
import { documentState, type ExplainerMarkdownOptions, type HastStep, type MdastStep, type StepContext } from './context.ts';
import { headingIds, sectionHeadings } from './headings.ts';
import { citations, references } from './references.ts';
import { externalLinks, siteLinks } from './links.ts';
import { typesetting } from './typesetting.ts';
import { tableFrames } from './tables.ts';

export type { ExplainerMarkdownOptions } from './context.ts';

/** Throws every problem the steps before it found, with file, line, field, found and expected. */
function stopOnProblems({ doc }: StepContext): MdastStep & HastStep {
  return {
    name: 'explainer:stop-on-problems',
    after() {
      if (!doc.problems.length) return;
      const problems = doc.problems.splice(0);
      // Astro reads line and column off the error to show where the first problem is.
      throw Object.assign(new ContentValidationError(problems), { line: problems.find((p) => p.line)?.line, column: 1 });
    },
  };
}

const MDAST_STEPS: ((step: StepContext) => MdastStep)[] = [headingIds, citations, siteLinks, typesetting, stopOnProblems];
const HAST_STEPS: ((step: StepContext) => HastStep)[] = [references, externalLinks, sectionHeadings, tableFrames, stopOnProblems];

/** The plugin lists for `satteri({ mdastPlugins, hastPlugins })`. */
export function explainerMarkdown(options: ExplainerMarkdownOptions): { mdastPlugins: MdastPluginEntry[]; hastPlugins: HastPluginEntry[] } {
  // Sätteri calls each factory once per document, all with that document's data bag: the content
  // is read, and the state shared by the steps made, once per document.
  const contexts = new WeakMap<object, StepContext>();
  const stepContext = (factory: PluginFactoryContext): StepContext => {
    let context = contexts.get(factory.data);
    if (!context) {
      context = {
        options,
        lookups: {
          sources: options.sources(),
          glossaryIds: options.glossaryIds(),
          definitions: options.definitions?.() ?? new Map(),
          factSources: options.factSources?.() ?? new Map(),
        },
        doc: documentState(factory.data, factory.fileURL, options),
      };
      contexts.set(factory.data, context);
    }
    return context;
  };
  return {
    mdastPlugins: MDAST_STEPS.map((step) => (factory: PluginFactoryContext) => step(stepContext(factory))),
    hastPlugins: HAST_STEPS.map((step) => (factory: PluginFactoryContext) => step(stepContext(factory))),
  };
}
