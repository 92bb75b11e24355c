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
      if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') inQuotes = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (inQuotes) throw new ContentValidationError([{ file, line: recordLine, expected: 'a closing double quote for the quoted field that starts on this line' }]);
  if (field !== '' || fields.length) endRecord();

  const [header, ...rows] = records;
  if (!header || header.fields.join(',') !== expectedHeader.join(',')) {
    throw new ContentValidationError([
      { file, line: 1, field: 'header', found: header?.fields.join(','), expected: `the header ${expectedHeader.join(',')}` },
    ]);
  }
  const problems = rows
    .filter((r) => r.fields.length !== expectedHeader.length)
    .map((r) => ({ file, line: r.line, row: rows.indexOf(r) + 1, found: `${r.fields.length} fields`, expected: `${expectedHeader.length} fields (quote any field that contains a comma)` }));
  if (problems.length) throw new ContentValidationError(problems);
  return rows.map((r, index) => ({
    row: index + 1,
    line: r.line,
    values: Object.fromEntries(expectedHeader.map((name, j) => [name, r.fields[j]!.trim()])),
  }));
}
