/**
 * Reads a PDF that Chromium printed (Skia's writer: one uncompressed dictionary per page, one
 * Flate-compressed content stream each) far enough to tell how many pages it has and how far down
 * each page its text reaches. No PDF library and no poppler needed, so the print test runs wherever
 * the browser tests run.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** Number of glyphs drawn on the page. */
  glyphs: number;
  /**
   * How far down the paper the lowest line of text sits, from 0 (top edge) to 1 (bottom edge).
   * Text in the bottom margin (the running page number) is left out.
   */
  fill: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** PDF's matrix product: `a` applied first, then `b`. */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

/** The page dictionaries in reading order, each with its content stream's object number and height. */
function pageObjects(pdf: Buffer): { contents: number; height: number }[] {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/<<\/Type \/Page\n([\s\S]*?)\nendobj/g)].map((m) => m[1]!);
  return pages.map((dict) => {
    const contents = /\/Contents (\d+) 0 R/.exec(dict);
    const box = /\/MediaBox \[([\d.\s-]+)\]/.exec(dict);
    if (!contents || !box) throw new Error('pdf-pages: a page without /Contents or /MediaBox; not a Chromium PDF?');
    return { contents: Number(contents[1]), height: Number(box[1]!.trim().split(/\s+/)[3]) };
  });
}

function streamOf(pdf: Buffer, objectNumber: number): string {
  const text = pdf.toString('latin1');
  const start = text.search(new RegExp(`(^|\\n)${objectNumber} 0 obj\\n`));
  if (start < 0) throw new Error(`pdf-pages: object ${objectNumber} not found`);
  const length = Number(/\/Length (\d+)/.exec(text.slice(start, start + 400))?.[1]);
  const dataStart = text.indexOf('stream\n', start) + 'stream\n'.length;
  const raw = pdf.subarray(dataStart, dataStart + length);
  const flate = /\/Filter \/FlateDecode/.test(text.slice(start, dataStart));
  return (flate ? inflateSync(raw) : raw).toString('latin1');
}

/** Operands and operators of a content stream; strings, dictionaries and arrays become one token. */
function* tokens(content: string): Generator<string> {
  const re = /<<[\s\S]*?>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[[^\]]*\]|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+/g;
  for (const m of content.matchAll(re)) yield m[0];
}

/** Text placement in one content stream: glyph count and the lowest text origin in page space. */
function measure(content: string): { glyphs: number; ys: number[] } {
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let lineMatrix: Matrix = IDENTITY;
  let glyphs = 0;
  const ys: number[] = [];
  const operands: string[] = [];
  const num = (i: number) => Number(operands[operands.length - i]);
  for (const token of tokens(content)) {
    if (/^[-+.\d]/.test(token) || /^[</([]/.test(token)) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? IDENTITY; break;
      case 'cm': ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm); break;
      case 'BT': lineMatrix = IDENTITY; break;
      case 'Tm': lineMatrix = [num(6), num(5), num(4), num(3), num(2), num(1)]; break;
      case 'Td': lineMatrix = multiply([1, 0, 0, 1, num(2), num(1)], lineMatrix); break;
      case 'Tj':
      case 'TJ': {
        const shown = operands.at(-1) ?? '';
        // Skia writes two-byte glyph ids as hex: four digits a glyph.
        glyphs += shown.startsWith('<') ? Math.round(shown.replace(/[^0-9A-Fa-f]/g, '').length / 4) : shown.length;
        ys.push(multiply(lineMatrix, ctm)[5]);
        break;
      }
    }
    operands.length = 0;
  }
  return { glyphs, ys };
}

/** Pages of a Chromium-printed PDF, in order. `bottomMarginPt` is the @page bottom margin in points. */
export function readPdfPages(pdf: Buffer, bottomMarginPt: number): PdfPage[] {
  return pageObjects(pdf).map(({ contents, height }) => {
    const { glyphs, ys } = measure(streamOf(pdf, contents));
    const inBody = ys.filter((y) => y > bottomMarginPt);
    const lowest = inBody.length ? Math.min(...inBody) : height;
    return { glyphs, fill: (height - lowest) / height };
  });
}
