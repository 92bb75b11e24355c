/**
 * The charts that have an embed page: the charts of the chart pages, each by its figure id, with
 * the page it lives on (the embed links back there). A chart added to a chart page is added here.
 */
export interface EmbedChart { id: string; page: string; title: string }

export const EMBED_CHARTS: readonly EmbedChart[] = [
  { id: 'chart-stockpile', page: 'charts/stockpile/', title: 'Iran’s enriched-uranium stockpile, by IAEA report' },
  { id: 'chart-stockpile-heu', page: 'charts/stockpile/', title: 'Iran’s uranium enriched to 20 % and 60 %, since 2021' },
  { id: 'chart-hormuz-transits', page: 'charts/hormuz/', title: 'Ships through the Strait of Hormuz a day' },
  { id: 'chart-hormuz', page: 'charts/hormuz/', title: 'Oil and LNG through the Strait of Hormuz, by year' },
  { id: 'chart-hormuz-map', page: 'charts/hormuz/', title: 'Map of the Strait of Hormuz' },
];

export function embedChart(id: string): EmbedChart | undefined {
  return EMBED_CHARTS.find((c) => c.id === id);
}
