/** Chart titles that state the finding, computed from the data so they never go stale. */
import type { StockpileRow, HormuzRow } from '../data/schemas.ts';
import { formatDate } from '../dates.ts';
import { formatNumber, typesetChartText } from './common.ts';
import { amountAt, LEVEL_LABELS, type StockpileLevel } from './stockpile.ts';

export function stockpileFinding(rows: StockpileRow[], levels: readonly StockpileLevel[], capKg: number) {
  const withTotal = rows.filter((r) => r.total_kg !== undefined);
  const latest = withTotal.at(-1);
  const unverified = rows.filter((r) => r.status === 'not-verified');
  const lastUnverified = unverified.at(-1);
  const focus: StockpileLevel = levels.includes('total') ? 'total' : levels.at(-1)!;
  const withFocus = rows.filter((r) => amountAt(r, focus) !== undefined);
  const firstF = withFocus[0];
  const lastF = withFocus.at(-1);
  const title =
    focus === 'total' && latest
      ? `Iran's enriched uranium grew to about ${Math.round(latest.total_kg! / capKg)} times the 2015 cap before the IAEA could no longer verify it`
      : `${LEVEL_LABELS[focus]}: from ${formatNumber(amountAt(firstF!, focus)!)} kg to ${formatNumber(amountAt(lastF!, focus)!)} kg`;
  const takeaway = [
    lastF && firstF ? `${LEVEL_LABELS[focus]}: ${formatNumber(amountAt(firstF, focus)!)} kg on ${formatDate(firstF.date)}, ${formatNumber(amountAt(lastF, focus)!)} kg on ${formatDate(lastF.date)}${lastF.status === 'estimate' ? ' (IAEA estimate)' : ''}.` : '',
    lastUnverified ? `Since then the IAEA has reported that it cannot verify the stockpile (latest such report: ${formatDate(lastUnverified.date)}).` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const description = `Line chart of ${levels.map((l) => LEVEL_LABELS[l].toLowerCase()).join(', ')} in kilograms by IAEA report, ${formatDate(rows[0]!.date)} to ${formatDate(rows.at(-1)!.date)}, with the 2015 deal's ${formatNumber(capKg)} kg cap as a reference line. ${takeaway}`;
  return typesetChartText({ title, takeaway, description });
}

export function hormuzFinding(rows: HormuzRow[]) {
  const withOil = rows.filter((r) => r.oil_mb_d !== undefined);
  const min = Math.min(...withOil.map((r) => r.oil_mb_d!));
  const maxV = Math.max(...withOil.map((r) => r.oil_mb_d!));
  const latestShare = [...rows].reverse().find((r) => r.oil_share_pct !== undefined);
  const withLng = rows.filter((r) => r.lng_bcf_d !== undefined);
  const latestLng = withLng.at(-1);
  const missing = rows.filter((r) => r.oil_mb_d === undefined);
  const title = latestShare
    ? `About ${formatNumber(latestShare.oil_share_pct!, 0)} % of the world's oil consumption passes through the Strait of Hormuz`
    : `Between ${formatNumber(min)} and ${formatNumber(maxV)} million barrels of oil a day pass through the Strait of Hormuz`;
  const takeaway = [
    `Oil through the strait: ${formatNumber(min)} to ${formatNumber(maxV)} million barrels a day in ${withOil[0]!.year}–${withOil.at(-1)!.year}.`,
    latestLng
      ? `LNG: ${formatNumber(latestLng.lng_bcf_d!)} billion cubic feet a day in ${latestLng.year}${latestLng.lng_share_pct === undefined ? '' : `, about ${formatNumber(latestLng.lng_share_pct, 0)} % of world LNG trade`}; ${withLng.length === 1 ? 'the only year' : `one of ${withLng.length} years`} with a published volume.`
      : '',
    missing.length ? `Years without a published figure are marked “n/a” on the baseline${missing.at(-1)!.year === rows.at(-1)!.year ? `; ${rows.at(-1)!.year} has no annual figure yet` : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return typesetChartText({ title, takeaway, description: `Bar charts of oil (million barrels a day) and liquefied natural gas (billion cubic feet a day) through the Strait of Hormuz by year. ${takeaway}` });
}
