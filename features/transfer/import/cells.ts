import { normaliseRecordId } from '../../../crm/normalise';
import { CRM_IDS, type CrmId } from '../../../crm/types';
import { SEGMENTS, type Segment } from '../../../data/model/common';
import type { HealthInputs } from '../../../data/model/records';
import { HEALTH_COLUMNS, TEXT_COLUMNS, type ColumnKey } from './columns';
import { parseNumberText } from './amounts';
import { parseDateText } from './dates';
import { catalogueChoices, foldWord } from './labels';
import type { Cell, Problem } from './types';

/**
 * Reading single cells. Every reader returns the value, `undefined` for an
 * empty cell (which never erases stored data), or a Problem naming the column
 * as the file writes it.
 */
export type Read<T> = { value?: T; problem?: Problem };

/** Export prefixes a quote to text starting with these, so spreadsheets do not run it as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** Export side: one leading quote disarms the cell; values that already look escaped get one more, so import is an exact inverse. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) || ESCAPED.test(value) ? `'${value}` : value;
}

/** Import side: drops the one quote export added (or a user typed to keep a spreadsheet from evaluating). */
export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

const MAX_LENGTH: Partial<Record<ColumnKey, number>> = { crm_record_id: 200, org_key: 200, name: 300, owner: 200, csm: 200 };

function asText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return null; // objects, booleans: not a cell value
}

const shown = (cell: Cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell).slice(0, 60) : typeof cell);

/** `csv`: the cell may carry export's formula guard (JSON never does, so its text is taken as is). */
export function readText(cell: Cell, column: ColumnKey, label: string, csv: boolean): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  const text = csv && TEXT_COLUMNS.includes(column) ? unescapeFormula(raw).trim() : raw;
  if (!text) return {};
  const max = MAX_LENGTH[column];
  if (max !== undefined && text.length > max) return { problem: { key: 'import.reason.tooLong', params: { column: label, max } } };
  return { value: text };
}

/** How a file writes its cells: CSV text may carry export's formula guard; a semicolon file may use decimal commas. */
export interface CellFormat {
  csv: boolean;
  semicolon: boolean;
}
export const JSON_FORMAT: CellFormat = { csv: false, semicolon: false };

const NUMBER_FAULT = { number: 'import.reason.number', amount: 'import.reason.amount', decimalComma: 'import.reason.decimalComma' } as const;

/** A number cell (amounts.ts says which shapes); `amount` also takes the yuan's marks and 万/亿, and tells whether the value was written in yuan. */
export function readNumber(cell: Cell, label: string, range: { min: number; max: number; int?: boolean }, format: CellFormat = JSON_FORMAT, amount = false): Read<number> & { yuan?: boolean } {
  let n: number;
  let yuan = false;
  if (typeof cell === 'number') n = cell;
  else {
    const raw = asText(cell);
    if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
    if (!raw) return {};
    const read = parseNumberText(raw, { amount, semicolon: format.semicolon });
    if ('fault' in read) return { problem: { key: NUMBER_FAULT[read.fault], params: { column: label, value: shown(cell) } } };
    n = read.value;
    yuan = read.yuan;
  }
  if (!Number.isFinite(n)) return { problem: { key: 'import.reason.number', params: { column: label, value: shown(cell) } } };
  if (range.int && !Number.isInteger(n)) return { problem: { key: 'import.reason.integer', params: { column: label, value: n } } };
  if (n < range.min || n > range.max) return { problem: { key: 'import.reason.range', params: { column: label, value: n, min: range.min, max: range.max } } };
  return yuan ? { value: n, yuan } : { value: n };
}

/** An amount in yuan beside a currency cell that names another currency is a contradiction, not a guess to make. */
export function amountCurrency(amount: Read<number> & { yuan?: boolean }, currency: string | undefined, label: string): Read<string> {
  if (!amount.yuan || currency === undefined || currency === 'CNY') return { value: amount.yuan ? 'CNY' : currency };
  return { problem: { key: 'import.reason.amountCurrency', params: { column: label, currency } } };
}

const DATE_FAULT = { shape: 'import.reason.date', impossible: 'import.reason.dateImpossible', ambiguous: 'import.reason.dateAmbiguous' } as const;

export function readDate(cell: Cell, label: string): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const read = parseDateText(raw);
  return 'date' in read ? { value: read.date } : { problem: { key: DATE_FAULT[read.fault], params: { column: label, value: shown(cell) } } };
}

/** Display names people write for a CRM, besides its id. */
const CRM_ALIASES: Record<string, CrmId> = {
  dynamics365: 'dynamics', microsoftdynamics: 'dynamics', microsoftdynamics365: 'dynamics', zohocrm: 'zoho',
  纷享销客: 'fxiaoke', 销售易: 'xiaoshouyi', neocrm: 'xiaoshouyi',
};

export function readCrm(cell: Cell, label: string): Read<CrmId> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const key = foldWord(raw);
  const crm = (CRM_IDS as readonly string[]).includes(key) ? (key as CrmId) : CRM_ALIASES[key];
  return crm ? { value: crm } : { problem: { key: 'import.reason.crm', params: { column: label, value: shown(cell), allowed: CRM_IDS.join(', ') } } };
}

export function readRecordId(crm: CrmId, raw: string, label: string): Read<string> {
  const id = normaliseRecordId(crm, raw);
  return id ? { value: id } : { problem: { key: 'import.reason.recordId', params: { column: label, value: raw.slice(0, 60), crm } } };
}

/** Segments by id or by the label the UI shows, in English or Chinese. */
export const SEGMENT_CHOICES = catalogueChoices('model.segment.', SEGMENTS);

export function readSegment(cell: Cell, label: string): Read<Segment> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const segment = SEGMENT_CHOICES.of(raw);
  return segment ? { value: segment } : { problem: { key: 'import.reason.segment', params: { column: label, value: shown(cell), allowed: SEGMENT_CHOICES.shown } } };
}

export function readCurrency(cell: Cell, label: string): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const code = raw.normalize('NFKC');
  return /^[a-z]{3}$/i.test(code) ? { value: code.toUpperCase() } : { problem: { key: 'import.reason.currency', params: { column: label, value: shown(cell) } } };
}

/** The health inputs of a reading; empty cells are left out. */
export function readInputs(cells: Partial<Record<ColumnKey, Cell>>, labelOf: (c: ColumnKey) => string, problems: Problem[], format: CellFormat): HealthInputs {
  const inputs: HealthInputs = {};
  for (const [column, spec] of Object.entries(HEALTH_COLUMNS) as [keyof typeof HEALTH_COLUMNS, (typeof HEALTH_COLUMNS)[keyof typeof HEALTH_COLUMNS]][]) {
    const r = readNumber(cells[column], labelOf(column), spec, format);
    if (r.problem) problems.push(r.problem);
    else if (r.value !== undefined) inputs[spec.field] = r.value;
  }
  return inputs;
}
