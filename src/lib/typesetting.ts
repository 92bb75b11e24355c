/**
 * The site's number style, applied to prose by the Markdown pipeline (src/lib/markdown/typesetting.ts)
 * so authors cannot get it wrong (CONTRIBUTING, "Numbers and units"):
 * - a percentage is written "20 %": the number, a no-break space, the sign ("20%" and "20 %" alike
 *   become "20 %"), so the sign never wraps onto a line alone;
 * - a number and its unit are joined by a no-break space: "440.9 kg", "21 miles", "6.8 million".
 * Plain TypeScript: no Markdown, no DOM.
 */

export const NBSP = '\u00a0';
/** U+2060 WORD JOINER: no line break here, and nothing visible. Glues a citation marker to its word. */
export const WORD_JOINER = '\u2060';

/** Units and number words that must stay on the line of the number before them. */
const UNITS = [
  'kg', 'kilograms?', 'tonnes?', 'tons?', 'km', 'kilomet(?:re|er)s?', 'miles?', 'nautical miles?', 'metres?', 'meters?', 'm',
  'barrels?', 'bbl', 'mb/d', 'b/d', 'bcf', 'bcm', 'mt', 'mtpa', 'GW', 'MW', 'SWU', 'per ?cent', 'percent',
  'thousand', 'million', 'billion', 'trillion', 'bn', 'days?', 'weeks?', 'months?', 'years?', 'hours?', 'ships', 'vessels', 'tankers', 'centrifuges',
];

// A number (digits with optional thousands separators and decimals) then a space and a unit as a whole word.
const NUMBER_UNIT = new RegExp(`(\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?)[ \\t]+(${UNITS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
// A number, then nothing, a space or a no-break space, then "%".
const PERCENT = /(\d)[ \t\u00a0\u202f]?%/g;

/** The text with the site's number style applied; everything else left as written. */
export function typesetNumbers(text: string): string {
  return text.replace(PERCENT, `$1${NBSP}%`).replace(NUMBER_UNIT, `$1${NBSP}$2`);
}
