/**
 * The search relevance set: what a reader types, and the page and section that must be among the
 * first three results. `variant` marks queries spelled differently from the text they must find.
 * When content changes move a section, update its anchor here in the same pull request.
 */
export interface RelevanceCase {
  query: string;
  expect: string;
  variant?: boolean;
}

export const RELEVANCE_SET: RelevanceCase[] = [
  { query: 'Muscat', expect: '/essays/oman-channel/#the-2025-rounds' },
  { query: 'breakout', expect: '/essays/nuclear-file/#breakout-time' },
  { query: 'blockade', expect: '/essays/strait-of-hormuz/#the-us-blockade' },
  { query: 'maximum pressure', expect: '/essays/sanctions-and-economy/#maximum-pressure-2018-and-2025' },
  { query: 'Cairo agreement', expect: '/essays/nuclear-file/#the-cairo-agreement-and-its-collapse' },
  { query: 'teapot', expect: '/essays/sanctions-and-economy/#buyers-in-china-and-the-price-discount' },
  { query: 'Tower 22', expect: '/essays/escalation/#proxy-pressure-on-us-bases' },
  { query: 'Pakistan ceasefire', expect: '/essays/oman-channel/#pakistan-and-the-april-ceasefire' },
  { query: 'Ain al-Asad', expect: '/timeline/#2020-01-08-ain-al-asad-strike' },
  { query: 'Implementation Day', expect: '/timeline/#2016-01-16-implementation-day' },
  { query: 'Islamabad', expect: '/timeline/#2026-04-12-islamabad-talks-end' },
  { query: 'snapback', expect: '/essays/nuclear-file/#snapback' },
  { query: 'breakout time', expect: '/glossary/#breakout-time' },
  { query: 'shadow fleet', expect: '/glossary/#shadow-fleet' },
  { query: 'Additional Protocol', expect: '/glossary/#additional-protocol' },
  { query: 'tanker war', expect: '/essays/strait-of-hormuz/#the-tanker-war' },
  // Spellings that appear nowhere on the site: only the variants list can find these.
  { query: 'Suleimani', expect: '/essays/escalation/#january-2020-soleimani-and-ain-al-asad', variant: true },
  { query: 'Soleymani', expect: '/essays/escalation/#january-2020-soleimani-and-ain-al-asad', variant: true },
  { query: 'Ormuz', expect: '/essays/strait-of-hormuz/#what-flows-through-it', variant: true },
  { query: 'Huthi', expect: '/glossary/#houthis', variant: true },
  { query: 'Hizbollah', expect: '/glossary/#hezbollah', variant: true },
  { query: 'Masqat', expect: '/essays/oman-channel/#the-2025-rounds', variant: true },
  { query: 'Busaidi', expect: '/essays/oman-channel/#february-2026-muscat-and-geneva', variant: true },
];
