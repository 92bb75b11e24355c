/**
 * A small RFC 4180 CSV reader that remembers the line each record starts on, so a bad row can be
 * named by its line in the file. Quoted fields may hold commas, quotes ("") and line breaks.
 */
import { ContentValidationError } from '../content-errors.ts';

export interface CsvRecord {
  /** 1-based data row (the header is row 0). */
  row: number;
  /** 1-based line in the file where the record starts. */
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string, file: string, expectedHeader: readonly string[]): CsvRecord[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  /** Where the current quoted field opened, for a quote that is never closed where it should be. */
  let quoteLine = 1;
  let quoteColumn = 1;
  let lineStart = 0;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        inQuotes = false;
        // After a closing quote comes a comma or the end of the line. Anything else means this
        // quote closed a field that opened earlier: a closing quote is missing there.
        const next = src[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          const column = records.length ? records[0]!.fields[fields.length] : undefined;
          throw new ContentValidationError([
            {
              file,
              line: quoteLine,
              column: quoteColumn,
              ...(column ? { field: column } : {}),
              found: shorten(field.split('\n', 1)[0] ?? ''),
              expected: line > quoteLine ? `a closing double quote at the end of this field (the quote opened here runs on to line ${line})` : 'a comma or the end of the line after a closing double quote (write "" for a quote inside a quoted field)',
            },
          ]);
        }
      } else {
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
      quoteColumn = i - lineStart + 1;
    }
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      lineStart = i + 1;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (inQuotes) throw new ContentValidationError([{ file, line: quoteLine, column: quoteColumn, found: shorten(field.split('\n', 1)[0] ?? ''), expected: 'a closing double quote at the end of this field (it runs on to the end of the file)' }]);
  if (field !== '' || fields.length) endRecord();

  const [header, ...rows] = records;
  if (!header || header.fields.join(',') !== expectedHeader.join(',')) {
    throw new ContentValidationError([
      { file, line: 1, field: 'header', found: header?.fields.join(','), expected: `the header ${expectedHeader.join(',')}` },
    ]);
  }
  const problems = rows
    .filter((r) => r.fields.length !== expectedHeader.length)
    .map((r) => ({ file, line: r.line, column: 1, row: rows.indexOf(r) + 1, field: 'columns', found: `${r.fields.length} fields`, expected: `${expectedHeader.length} fields, one per column of the header (put any field that contains a comma in double quotes)` }));
  if (problems.length) throw new ContentValidationError(problems);
  return rows.map((r, index) => ({
    row: index + 1,
    line: r.line,
    values: Object.fromEntries(expectedHeader.map((name, j) => [name, r.fields[j]!.trim()])),
  }));
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
