import { HEALTH_COLUMNS, isHealthColumn, type ColumnKey } from './columns';
import { amountCurrency, readCrm, readCurrency, readDate, readInputs, readNumber, readRecordId, readSegment, readText, type CellFormat, type Read } from './cells';
import type { BadRow, Cell, ImportedFields, ImportRow, Problem, Reading, SourceRow } from './types';

const ARR_RANGE = { min: 0, max: Number.MAX_SAFE_INTEGER };
const isBlank = (cell: Cell) => cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');

/**
 * Reads one record, collecting every problem so one pass over the file is
 * enough to fix it. A class rather than closures: it runs once per row of
 * files with 10,000+ rows, and allocating helpers per row shows in profiles.
 */
class RowReader {
  readonly problems: Problem[];
  constructor(
    private readonly src: SourceRow,
    private readonly labels: Partial<Record<ColumnKey, string>>,
    private readonly format: CellFormat,
  ) {
    this.problems = src.problems ? [...src.problems] : [];
  }

  label(c: ColumnKey): string {
    return this.labels[c] ?? c;
  }

  take<T>(r: Read<T>): T | undefined {
    if (r.problem) this.problems.push(r.problem);
    return r.value;
  }

  text(c: ColumnKey): string | undefined {
    return this.take(readText(this.src.cells[c], c, this.label(c), this.format.csv));
  }

  date(c: ColumnKey): string | undefined {
    return this.take(readDate(this.src.cells[c], this.label(c)));
  }

  /** A required column left empty, unless its cell already has a problem of its own. */
  require(c: ColumnKey, value: unknown): void {
    const column = this.label(c);
    if (value === undefined && !this.problems.some((p) => p.params?.column === column)) {
      this.problems.push({ key: 'import.reason.required', params: { column } });
    }
  }

  /**
   * A CSV row carries at most one reading in its health columns: health_as_of
   * is required once any input is given, and alone (no inputs) it is ignored.
   * Export files carry every snapshot of an account, already split into inputs.
   */
  readings(): Reading[] {
    const out: Reading[] = [];
    const { cells } = this.src;
    let anyInput = false;
    for (const c in cells) if (isHealthColumn(c as ColumnKey) && !isBlank(cells[c as ColumnKey])) anyInput = true;
    if (anyInput) this.reading(cells.health_as_of, cells, this.label('health_as_of'), (c) => this.label(c), out);
    for (const r of this.src.readings ?? []) {
      const inputs: Partial<Record<ColumnKey, Cell>> = {};
      for (const [column, spec] of Object.entries(HEALTH_COLUMNS)) inputs[column as ColumnKey] = r.inputs[spec.field];
      this.reading(r.asOf, inputs, 'health_as_of', (c) => c, out);
    }
    return out;
  }

  private reading(asOfCell: Cell, cells: Partial<Record<ColumnKey, Cell>>, asOfLabel: string, labelOf: (c: ColumnKey) => string, out: Reading[]) {
    const asOf = readDate(asOfCell, asOfLabel);
    const inputs = readInputs(cells, labelOf, this.problems, this.format);
    if (asOf.problem) this.problems.push(asOf.problem);
    else if (asOf.value === undefined) this.problems.push({ key: 'import.reason.healthDate', params: { column: asOfLabel } });
    else out.push({ asOf: asOf.value, inputs });
  }
}

/** Validates one record of a file, its cells written as `format` says. */
export function readRow(src: SourceRow, labels: Partial<Record<ColumnKey, string>>, format: CellFormat): ImportRow | BadRow {
  const r = new RowReader(src, labels, format);
  const { cells } = src;
  const crm = r.take(readCrm(cells.crm, r.label('crm')));
  const rawId = r.text('crm_record_id');
  const name = r.text('name');
  const contractEnd = r.date('contract_end');
  const required: [ColumnKey, unknown][] = [['crm', crm], ['crm_record_id', rawId], ['name', name], ['contract_end', contractEnd]];
  for (const [c, v] of required) r.require(c, v);
  const recordId = crm && rawId ? r.take(readRecordId(crm, rawId, r.label('crm_record_id'))) : undefined;
  const arr = readNumber(cells.arr, r.label('arr'), ARR_RANGE, format, true);
  const currency = r.take(amountCurrency(arr, r.take(readCurrency(cells.currency, r.label('currency'))), r.label('arr')));

  const optional: Partial<ImportedFields> = {
    orgKey: r.text('org_key'),
    owner: r.text('owner'),
    csm: r.text('csm'),
    segment: r.take(readSegment(cells.segment, r.label('segment'))),
    arr: r.take(arr),
    currency,
    contractStart: r.date('contract_start'),
    signedAt: r.date('signed_at'),
  };
  const readings = r.readings();
  if (r.problems.length || !crm || !recordId || name === undefined || contractEnd === undefined) return { line: src.line, problems: r.problems };

  // Only the fields the row gives: an empty cell leaves the stored value alone.
  const fields: ImportedFields = { name, contractEnd };
  for (const k in optional) {
    const v = optional[k as keyof ImportedFields];
    if (v !== undefined) Object.assign(fields, { [k]: v });
  }
  return { line: src.line, crm, recordId, fields, readings };
}

export const isBad = (r: ImportRow | BadRow): r is BadRow => 'problems' in r;
