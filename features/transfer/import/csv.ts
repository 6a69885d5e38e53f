import Papa from 'papaparse';
import { resolveHeaders, type HeaderMapOf } from './columns';
import type { ParsedFile, ParsedFileOf, Problem, SourceRowOf } from './types';

/**
 * The delimiter is whichever of comma and semicolon the header line uses more
 * (Excel writes semicolons where the decimal mark is a comma). Headers never
 * need either character, so the header line decides without guessing.
 */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const BREAK = /\r\n|\r|\n/g;
const countBreaks = (s: string) => s.match(BREAK)?.length ?? 0;

/** A file decoded as UTF-8 that was not UTF-8 (GBK from Excel, say) shows replacement characters. */
const NOT_UTF8 = /\uFFFD/;

/**
 * Splits a CSV file into records, each with the physical line it starts on:
 * papaparse reports where each record ends (meta.cursor), and the line
 * breaks before a record's start, quoted ones included, give its line. Blank
 * records (empty lines, or only empty cells) are skipped.
 */
export const parseCsv = (input: string): ParsedFile => parseCsvWith(input, resolveHeaders);

/** The same splitting for any kind of file: `resolve` maps its header line onto its columns. */
export function parseCsvWith<K extends string>(input: string, resolve: (headers: readonly string[]) => HeaderMapOf<K>): ParsedFileOf<K> {
  const text = input.replace(/^\uFEFF/, '');
  const file: ParsedFileOf<K> = { kind: 'csv', labels: {}, rows: [], warnings: [] };
  if (!text.trim()) return { ...file, error: { key: 'import.file.empty' } };

  let start = 0; // offset where the current record starts
  let line = 1;
  let header: HeaderMapOf<K> | undefined;
  let width = 0;
  let fatal: Problem | undefined;
  file.delimiter = detectDelimiter(text);
  Papa.parse<string[]>(text, {
    delimiter: file.delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = result.meta.cursor;
      const cells = result.data;
      const recordLine = line;
      line += countBreaks(text.slice(start, end));
      start = end;
      if (!header) {
        header = resolve(cells);
        width = cells.length;
        if (header.missing.length || header.duplicate) {
          fatal = header.duplicate
            ? { key: 'import.file.duplicateColumn', params: header.duplicate }
            : { key: NOT_UTF8.test(cells.join('')) ? 'import.file.notUtf8' : 'import.file.missingColumns', params: { columns: header.missing.join(', ') } };
          parser.abort();
        }
        return;
      }
      if (cells.every((c) => c.trim() === '')) return;
      const row: SourceRowOf<K> = { line: recordLine, cells: {} };
      for (const [i, key] of header.index) row.cells[key] = cells[i];
      const problems: Problem[] = [];
      if (result.errors.some((e) => e.code === 'MissingQuotes')) problems.push({ key: 'import.reason.unclosedQuote' });
      const extra = cells.slice(width).filter((c) => c.trim() !== '').length;
      if (extra) problems.push({ key: 'import.reason.extraCells', params: { n: cells.length, m: width } });
      if (problems.length) row.problems = problems;
      file.rows.push(row);
    },
  });
  if (fatal) return { ...file, rows: [], error: fatal };
  if (!header) return { ...file, error: { key: 'import.file.empty' } };
  file.labels = header.label;
  if (header.unknown.length) file.warnings.push(unknownColumns(header.unknown));
  if (!file.rows.length) file.error = { key: 'import.file.noRows' };
  return file;
}

export const unknownColumns = (names: string[]): Problem => ({
  key: names.length === 1 ? 'import.warn.unknownColumns_one' : 'import.warn.unknownColumns_other',
  params: { n: names.length, columns: names.join(', ') },
});
