/** Shared pieces of chart geometry: sizes, margins, number formats. Pure functions, no DOM. */

export interface Size {
  width: number;
  height: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Charts are drawn twice at build time, narrow and wide, and CSS shows the one that fits. */
export const CHART_SIZES = {
  narrow: { width: 360, height: 300 },
  wide: { width: 720, height: 380 },
} as const satisfies Record<string, Size>;
export type ChartSizeName = keyof typeof CHART_SIZES;

/** 9247.6 → "9,247.6"; 440.9 → "440.9"; 3 → "3". */
export function formatNumber(value: number, maxDecimals = 1): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: maxDecimals });
}

/** Rounds SVG coordinates so the markup stays small and deterministic. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Splits a label into lines of at most `width` characters, for SVG text that cannot wrap. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && (current + ' ' + word).length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
