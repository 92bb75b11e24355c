/**
 * The Astro component behind each name an essay or page may use. Which names exist, where each
 * may be used and what props it takes are in src/lib/mdx-components.ts (the content checker reads
 * the same list); TypeScript refuses this map when a name is missing or extra.
 */
import KeyPoints from './KeyPoints.astro';
import StockpileChart from './charts/StockpileChart.astro';
import HormuzChart from './charts/HormuzChart.astro';
import HormuzTransitsChart from './charts/HormuzTransitsChart.astro';
import HormuzMap from './charts/HormuzMap.astro';
import TimelineChart from './charts/TimelineChart.astro';
import SourceShares from './SourceShares.astro';
import CitationExample from './CitationExample.astro';
import Fact from './Fact.astro';
import { componentNamesFor, type MdxCollection, type MdxComponentName } from '../lib/mdx-components.ts';

const COMPONENTS = { KeyPoints, StockpileChart, HormuzChart, HormuzTransitsChart, HormuzMap, TimelineChart, SourceShares, CitationExample, Fact } satisfies Record<MdxComponentName, unknown>;

/** The `components` mapping for a collection's pages: only what the checker allows there. */
export function mdxComponents(collection: MdxCollection): Partial<typeof COMPONENTS> {
  return Object.fromEntries(componentNamesFor(collection).map((name) => [name, COMPONENTS[name]]));
}
